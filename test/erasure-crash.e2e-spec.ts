import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { signToken } from '../apps/api/src/auth/jwt';
import { RunningProcess, startEmbeddedApi } from './support/processes';

/**
 * Erasing a person writes two stores: the event store (ParticipantErased) and the vault (the key is destroyed).
 * The API is SIGKILLed between the two; on restart it finishes the erasure: the key is gone, the event is there
 * once, and every count is unchanged.
 */
const SECRET = 'erasure-crash-secret-0123456789-0123456789';
const token = signToken({ sub: 'erasure-crash-test', role: 'council' }, SECRET, Math.floor(Date.now() / 1000));

describe('erasure interrupted by a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cafeia-erasure-crash-'));
  let api: RunningProcess | null = null;
  let port = 0;

  afterAll(() => {
    api?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}): Promise<void> {
    ({ process: api, port } = await startEmbeddedApi({ dataDir, secret: SECRET, env }));
  }

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };

  const keyRows = (participantId: string): number => {
    const db = new Database(join(dataDir, 'keys.db'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from participant_keys where participant_id = ?').get(participantId) as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const erasedEvents = (participantId: string): number => {
    const db = new Database(join(dataDir, 'events.db'), { readonly: true });
    try {
      const rows = db.prepare(`select data from events where type = 'ParticipantErased'`).all() as { data: string }[];
      return rows.filter((row) => JSON.parse(row.data).participantId === participantId).length;
    } finally {
      db.close();
    }
  };

  it('finishes the erasure on restart: key destroyed, one ParticipantErased, counts unchanged', async () => {
    await start({ CAFEIA_FAULT: 'kill-after-erasure-event' });
    const structure = await call('POST', '/v1/structures', { name: 'Tiers-lieu', kind: 'third_place', communeCode: '35238' });
    const cafe = await call('POST', '/v1/cafes', { structureId: structure.body.id, title: 'IA et emploi', format: 'discussion', startsAt: '2026-06-10T18:00:00+02:00' });
    const attendance = await call('POST', `/v1/cafes/${cafe.body.id}/attendance`, { attendees: [{ email: 'lea@example.org' }, { email: 'tom@example.org' }] });
    expect(attendance.status).toBe(200);
    const [lea] = attendance.body.participantIds as string[];
    const before = await call('GET', `/v1/progress?minPosition=${attendance.body.position}`);
    expect(keyRows(lea)).toBe(1);

    // the process kills itself right after appending ParticipantErased, before destroying the key
    await call('DELETE', `/v1/participants/${lea}`).catch(() => undefined);
    expect(await api!.exited).toBeNull(); // killed by a signal, no exit code
    expect(erasedEvents(lea)).toBe(1);
    expect(keyRows(lea)).toBe(1);

    await start();
    expect(keyRows(lea)).toBe(0);
    expect(erasedEvents(lea)).toBe(1);
    const after = await call('GET', '/v1/progress');
    expect(after.body.figures).toEqual(before.body.figures);
  }, 120_000);
});
