/**
 * httpWritesPerSec and httpReadP99Ms: the embedded default (`node dist/apps/api/src/main.js`: SQLite
 * store, read models projected in process) on the dataset, in its own process, under autocannon from
 * this one (the two cores are shared: one for the API, one for the load).
 *  1. writes at full speed: `POST /v1/cafes/{id}/enrolments` of new people (unique emails) to cafés
 *     drawn from the dataset — the busiest write of the programme: recognise the person (vault), register
 *     them (participant stream), enrol them (café stream);
 *  2. reads alone at 1,000 requests/s: `GET /v1/progress` and territory dashboards;
 *  3. the same reads at 1,000 requests/s while the writes run at full speed: p50/p99 of the reads.
 * The read models were built by the SQLite rebuild measure and promoted in DATA_DIR, so the API starts
 * caught up; it is waited for until its reads show the store's head.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { signToken } from '../../apps/api/src/auth/jwt';
import { DATASET_NOW } from '../generator/national-dataset';
import { Random } from '../generator/random';
import { distFile, sleep, startProcess } from '../support/children';
import { processPeakRssMb } from '../support/rss';

// autocannon ships no types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
}

export interface HttpResults {
  httpWritesPerSec: number;
  writeNon2xx: number;
  writeLatencyP99Ms: number;
  readsAlone: { requestsPerSec: number; p50Ms: number; p99Ms: number; non2xx: number };
  httpReadP50Ms: number;
  httpReadP99Ms: number;
  readsDuringWritesPerSec: number;
  readNon2xx: number;
  writesDuringReadsPerSec: number;
  apiPeakRssMb: number | null;
  secondsPerPhase: number;
}

const SECRET = 'cafeia-bench-secret-cafeia-bench-secret';
const READ_PATHS = ['/v1/progress', '/v1/territories/department/69', '/v1/progress', '/v1/territories/region/84', '/v1/progress', '/v1/territories/department/75'];

export async function measureHttp(dataDir: string, options: { seconds: number; port?: number }): Promise<HttpResults> {
  const port = options.port ?? 39_300;
  const { cafes, head } = openCafes(join(dataDir, 'events.db'), 1000);
  const server = startProcess(distFile('apps', 'api', 'src', 'main.js'), {
    PORT: String(port),
    DATA_DIR: dataDir,
    AUTH_SECRET: SECRET,
    CLOCK: new Date(DATASET_NOW).toISOString(),
    EVENT_STORE: 'sqlite',
    READ_MODELS: 'sqlite',
    KAFKA_BROKERS: '',
  });
  const base = `http://127.0.0.1:${port}`;
  const token = signToken({ sub: 'user:bench', role: 'council' }, SECRET);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  try {
    await waitFor(async () => (await fetch(`${base}/health/ready`)).status === 200, 600_000, () => server.log());
    // reads must show the whole dataset before the load starts
    await waitFor(
      async () => {
        const response = await fetch(`${base}/v1/progress`, { headers });
        const position = response.headers.get('x-read-model-position');
        return response.status === 200 && position !== null && BigInt(position) >= BigInt(head);
      },
      600_000,
      () => server.log(),
    );

    const random = new Random(5);
    let person = 0;
    const runTag = Date.now().toString(36);
    const writes = () =>
      autocannon({
        url: base,
        connections: 16,
        duration: options.seconds,
        headers,
        requests: [
          {
            method: 'POST',
            setupRequest: (request: Record<string, unknown>) => ({
              ...request,
              path: `/v1/cafes/${random.pick(cafes)}/enrolments`,
              body: JSON.stringify({ participant: { email: `bench.${runTag}.${person++}@exemple.fr`, name: 'Bench Person' } }),
            }),
          },
        ],
      });
    let readIndex = 0;
    const reads = () =>
      autocannon({
        url: base,
        connections: 20,
        overallRate: 1000,
        duration: options.seconds,
        headers,
        requests: [{ method: 'GET', setupRequest: (request: Record<string, unknown>) => ({ ...request, path: READ_PATHS[readIndex++ % READ_PATHS.length] }) }],
      });

    const writesAlone = await writes();
    const readsAlone = await reads();
    const [mixedWrites, mixedReads] = await Promise.all([writes(), reads()]);
    return {
      httpWritesPerSec: Math.round(writesAlone['2xx'] / writesAlone.duration),
      writeNon2xx: writesAlone.non2xx + writesAlone.errors + writesAlone.timeouts,
      writeLatencyP99Ms: writesAlone.latency.p99,
      readsAlone: {
        requestsPerSec: Math.round(readsAlone['2xx'] / readsAlone.duration),
        p50Ms: readsAlone.latency.p50,
        p99Ms: readsAlone.latency.p99,
        non2xx: readsAlone.non2xx + readsAlone.errors + readsAlone.timeouts,
      },
      httpReadP50Ms: mixedReads.latency.p50,
      httpReadP99Ms: mixedReads.latency.p99,
      readsDuringWritesPerSec: Math.round(mixedReads['2xx'] / mixedReads.duration),
      readNon2xx: mixedReads.non2xx + mixedReads.errors + mixedReads.timeouts,
      writesDuringReadsPerSec: Math.round(mixedWrites['2xx'] / mixedWrites.duration),
      apiPeakRssMb: server.child.pid ? processPeakRssMb(server.child.pid) : null,
      secondsPerPhase: options.seconds,
    };
  } finally {
    await server.stop();
  }
}

/** Cafés still open to enrolment (not cancelled), met at random positions of the log, and the store's head. */
function openCafes(storeFile: string, wanted: number): { cafes: string[]; head: string } {
  const db = new Database(storeFile, { readonly: true });
  const head = (db.prepare('SELECT max(position) AS head FROM events').get() as { head: number }).head;
  const at = db.prepare('SELECT stream_id FROM events WHERE position = ?');
  const cancelled = db.prepare("SELECT 1 FROM events WHERE stream_id = ? AND type = 'CafeCancelled'");
  const random = new Random(23);
  const found = new Set<string>();
  for (let tries = 0; tries < wanted * 20 && found.size < wanted; tries++) {
    const row = at.get(random.int(1, head)) as { stream_id: string } | undefined;
    if (row?.stream_id.startsWith('cafe-') && !cancelled.get(row.stream_id)) found.add(row.stream_id.slice(5));
  }
  db.close();
  return { cafes: [...found], head: String(head) };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API was not ready in time: ${log().slice(-1500)}`);
    await sleep(500);
  }
}
