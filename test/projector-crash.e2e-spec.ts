import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { signToken } from '../apps/api/src/auth/jwt';
import { dist, RunningProcess, startEmbeddedApi, waitFor } from './support/processes';

/**
 * The embedded projector is killed with SIGKILL (no chance to clean up) several times while it catches up with a
 * national dataset; once restarted and caught up, every figure equals a projection built from scratch on a copy of
 * the same events: nothing lost, nothing counted twice.
 */
const SECRET = 'crash-test-secret-0123456789-0123456789';
const CLOCK = '2026-06-15T12:00:00Z';
const token = signToken({ sub: 'crash-test', role: 'council' }, SECRET);

describe('embedded projector killed mid-batch', () => {
  const root = mkdtempSync(join(tmpdir(), 'cafeia-crash-'));
  const crashed = join(root, 'crashed');
  const fresh = join(root, 'fresh');
  let api: RunningProcess | null = null;
  let port = 0;

  afterAll(() => {
    api?.child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  const get = async (path: string): Promise<any> => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };

  async function startApi(dataDir: string): Promise<void> {
    // live, not ready: the projector is still catching up
    ({ process: api, port } = await startEmbeddedApi({ dataDir, secret: SECRET, clock: CLOCK, env: { PROJECTION_BATCH_SIZE: '250' }, until: '/health/live' }));
  }

  const status = async () => (await get('/v1/admin/projections')).projections[0] as { position: string | null; head: string | null; lag: number };

  async function figures() {
    return {
      progress: (await get('/v1/progress')).figures,
      regions: (await get('/v1/territories?level=region&pageSize=500')).items,
      departments: (await get('/v1/territories?level=department&pageSize=500')).items,
      structures: (await get('/v1/structures?sort=engagement&pageSize=500')).items,
      heldCafes: (await get('/v1/cafes?status=held&pageSize=500')).total,
    };
  }

  it('resumes exactly where the last committed batch left off, whatever the moment of the kill', async () => {
    mkdirSync(crashed, { recursive: true });
    execFileSync(process.execPath, [dist('bench/generate.js'), '--events', '100000', '--out', join(crashed, 'events.db'), '--seed', '7', '--force'], { stdio: 'ignore' });
    mkdirSync(fresh, { recursive: true });
    copyFileSync(join(crashed, 'events.db'), join(fresh, 'events.db'));

    // kill it up to three times while it catches up; each restart resumes from its last committed batch
    const killedAt: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await startApi(crashed);
      const before = Number((await status()).position ?? 0);
      let last: unknown = null;
      const seen = await waitFor('progress during catch-up', async () => {
        const s = await status();
        last = s;
        return Number(s.position ?? 0) > before || s.lag === 0 ? s : null;
      }, 60_000, 5).catch((error) => {
        throw new Error(`${error.message}; status ${JSON.stringify(last)}; API output: ${api?.output().slice(-3000)}`);
      });
      api!.child.kill('SIGKILL');
      await api!.exited;
      if (seen.lag === 0) break; // it finished before we could kill it mid-way: nothing more to interrupt
      killedAt.push(`${seen.position}/${seen.head}`);
    }
    expect(killedAt.length).toBeGreaterThan(0);

    await startApi(crashed);
    await waitFor('catch-up after the kills', async () => (await status()).lag === 0, 120_000, 100);
    const afterCrashes = await figures();
    api!.child.kill('SIGTERM');
    await api!.exited;

    await startApi(fresh);
    await waitFor('a projection from scratch', async () => (await status()).lag === 0, 120_000, 100);
    const fromScratch = await figures();
    api!.child.kill('SIGTERM');
    await api!.exited;
    api = null;

    expect(afterCrashes.progress.peopleReached).toBeGreaterThan(1000);
    expect(afterCrashes).toEqual(fromScratch);
  }, 420_000);
});
