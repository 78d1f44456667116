/**
 * Reads never wait for writes: while the embedded projector catches up with a large store, and while it
 * rebuilds every read model from it, the API goes on answering dashboard reads, each promptly. The projector
 * runs in a thread of its own (EMBEDDED_PROJECTOR_WORKER, the default): its batches never hold the loop
 * that answers requests. A behaviour, with a generous bound for a shared machine, not a benchmark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@cafeia/event-store';
import { waitFor } from '@cafeia/testing';
import { DATASET_NOW, NationalDataset } from '../bench/generator/national-dataset';
import { ApiHarness, startApi } from './support/api-harness';

const EVENTS = 60_000;
/** far above a read (a few ms), far below what a projection batch on the loop costs on this data */
const BOUND_MS = 1_000;

async function writeStore(dataDir: string): Promise<string> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  for (const batch of new NationalDataset({ events: EVENTS, batchEvents: 1000 }).batches()) await store.appendMany(batch);
  const head = (await store.headPosition())!;
  await store.close();
  return head;
}

/** reads the national progress again and again until `until()` says stop; every answer's latency */
async function readWhile(api: ApiHarness, token: string, until: () => Promise<boolean>): Promise<{ status: number; ms: number }[]> {
  const reads: { status: number; ms: number }[] = [];
  do {
    const started = performance.now();
    const { status } = await api.request('GET', '/v1/progress', { token });
    reads.push({ status, ms: performance.now() - started });
  } while (!(await until()));
  return reads;
}

describe('reads during a long projection', () => {
  let dataDir: string;
  let head: string;
  let api: ApiHarness;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cafeia-reads-'));
    head = await writeStore(dataDir);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are answered promptly while the projector catches up, then while it rebuilds every read model', async () => {
    // no read cache: every read runs its queries
    api = await startApi({ DATA_DIR: dataDir, READ_CACHE_MS: '0', CLOCK: new Date(DATASET_NOW).toISOString(), REBUILD_RETIRE_AFTER_MS: '0' });
    const council = api.token({ role: 'council' });
    const position = async () => (await api.request('GET', '/v1/progress', { token: council })).headers.get('x-read-model-position');

    const duringCatchUp = await readWhile(api, council, async () => (await position()) === head);
    expect(duringCatchUp.every((r) => r.status === 200 && r.ms < BOUND_MS)).toBe(true);
    const caughtUp = (await api.request('GET', '/v1/progress', { token: council })).body;
    expect(caughtUp.figures.peopleReached).toBeGreaterThan(0);

    const started = await api.request('POST', '/v1/admin/projections/rebuild', { token: council });
    expect(started.status).toBe(202);
    const rebuilding = async () => (await api.request('GET', '/v1/admin/projections', { token: council })).body.projections[0].state === 'rebuilding';
    const duringRebuild = await readWhile(api, council, async () => !(await rebuilding()));
    expect(duringRebuild.length).toBeGreaterThan(1);
    for (const read of duringRebuild) {
      expect(read.status).toBe(200);
      expect(read.ms).toBeLessThan(BOUND_MS);
    }
    await waitFor('the rebuilt generation', async () => (await position()) === head);
    const after = (await api.request('GET', '/v1/progress', { token: council })).body;
    expect(after.figures).toEqual(caughtUp.figures);
  }, 300_000);
});
