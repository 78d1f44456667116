/**
 * importRowsPerSec: a 100,000-row attendance file imported through `POST /v1/imports` into a fresh embedded default
 * (`node dist/apps/api/src/main.js`: SQLite store, vault and read models, projected in process), in its own process.
 *  1. the structures and cafés the attendance names are imported first (two small files, same path);
 *  2. the attendance file (one row per person who attended, grouped by café as a sheet is, 70 % of the people new,
 *     each with a name and a made-up email) is uploaded: the clock runs from the upload to the job's end, so the
 *     whole-file check before the 202 is included;
 *  3. meanwhile the dashboards are read in a loop (`GET /v1/progress` and territory dashboards, one request at a
 *     time every 20 ms at most): p50 and p99 of their latency while the import runs;
 *  4. the API's peak resident memory (VmHWM) over the whole run.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { signToken } from '../../apps/api/src/auth/jwt';
import { Random } from '../generator/random';
import { distFile, sleep, startProcess } from '../support/children';
import { processPeakRssMb } from '../support/rss';

export interface ImportResults {
  rows: number;
  cafes: number;
  people: number;
  fileMb: number;
  /** upload to job done */
  seconds: number;
  importRowsPerSec: number;
  /** the 202 came after the whole-file check: its share of the time */
  checkSeconds: number;
  /** the job alone (claimed to done) */
  jobRowsPerSec: number;
  accepted: number;
  rejected: number;
  importPeakRssMb: number | null;
  readsDuringImport: number;
  readP50Ms: number;
  readP99Ms: number;
  readMaxMs: number;
  readNon2xx: number;
}

const SECRET = 'cafeia-bench-import-secret-0123456789-abcdef';
const CLOCK = '2026-06-15T12:00:00Z';
const READ_PATHS = ['/v1/progress', '/v1/territories/department/69', '/v1/progress', '/v1/territories/region/84'];
/** Lyon and its region's communes: the dashboards read above then have something to show */
const COMMUNES = ['69123', '69381', '69382', '69266', '38185', '42218', '63113', '73065', '74010', '01053'];

/** the three files: 50 structures, `rows / 50` cafés over the school year, `rows` attendance rows in café order */
export function importFiles(rows: number, seed = 11): { structures: string; cafes: string; attendance: string; cafeCount: number; people: number } {
  const random = new Random(seed);
  let structures = 'ref;name;kind;commune_code\n';
  for (let s = 0; s < 50; s++) structures += `S${s};Structure ${s};library;${COMMUNES[s % COMMUNES.length]}\n`;
  const cafeCount = Math.max(1, Math.round(rows / 50));
  let cafes = 'ref;structure_ref;title;format;starts_at\n';
  const start = Date.parse('2025-09-01T16:00:00Z');
  for (let c = 0; c < cafeCount; c++) {
    const at = new Date(start + Math.floor((c / cafeCount) * 270) * 86_400_000);
    const day = `${String(at.getUTCDate()).padStart(2, '0')}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${at.getUTCFullYear()} 18:00`;
    cafes += `C${c};S${c % 50};Café IA ${c};discussion;${day}\n`;
  }
  const lines: string[] = ['ref;cafe_ref;email;name'];
  let people = 0;
  for (let r = 0; r < rows; r++) {
    // 70 % of the rows are someone new; the others someone who came before
    const person = people > 0 && random.next() < 0.3 ? random.int(0, people - 1) : people++;
    lines.push(`A${r};C${Math.floor((r / rows) * cafeCount)};personne.${person}@example.org;Personne ${person}`);
  }
  return { structures, cafes, attendance: lines.join('\n') + '\n', cafeCount, people };
}

export async function measureImport(options: { dir: string; rows: number; port?: number }): Promise<ImportResults> {
  const port = options.port ?? 39_310;
  const dataDir = join(options.dir, 'import-data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const files = importFiles(options.rows);
  const server = startProcess(distFile('apps', 'api', 'src', 'main.js'), {
    PORT: String(port),
    DATA_DIR: dataDir,
    AUTH_SECRET: SECRET,
    CLOCK,
    EVENT_STORE: 'sqlite',
    READ_MODELS: 'sqlite',
    KAFKA_BROKERS: '',
    CAFEIA_FAULT: '',
  });
  const base = `http://127.0.0.1:${port}`;
  const token = signToken({ sub: 'bench:importer', role: 'council' }, SECRET);
  const auth = { authorization: `Bearer ${token}` };
  try {
    await waitUntil(async () => (await fetch(`${base}/health/ready`)).status === 200, 120_000, () => server.log());
    const upload = async (kind: string, body: string): Promise<{ id: string; at: number; answeredAt: number }> => {
      const at = Date.now();
      const response = await fetch(`${base}/v1/imports?kind=${kind}`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body });
      const answer = (await response.json()) as { id: string };
      if (response.status !== 202) throw new Error(`the ${kind} file was refused: ${JSON.stringify(answer)}`);
      return { id: answer.id, at, answeredAt: Date.now() };
    };
    const done = async (id: string, timeoutMs: number) => {
      let job: any = null;
      await waitUntil(
        async () => {
          job = await (await fetch(`${base}/v1/imports/${id}`, { headers: auth })).json();
          return job.status === 'done' || job.status === 'failed';
        },
        timeoutMs,
        () => JSON.stringify(job),
        500,
      );
      if (job.status !== 'done') throw new Error(`the import failed: ${JSON.stringify(job.problem)}`);
      return job;
    };
    await done((await upload('structures', files.structures)).id, 60_000);
    await done((await upload('cafes', files.cafes)).id, 300_000);

    // the dashboards, read while the import runs
    const latencies: number[] = [];
    let non2xx = 0;
    let reading = true;
    const reader = (async () => {
      for (let i = 0; reading; i++) {
        const started = performance.now();
        const response = await fetch(base + READ_PATHS[i % READ_PATHS.length], { headers: auth });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (response.status !== 200) non2xx++;
        await sleep(Math.max(0, 20 - (performance.now() - started)));
      }
    })();
    const sent = await upload('attendance', files.attendance);
    const job = await done(sent.id, Math.max(600_000, options.rows * 20));
    const finished = Date.now();
    reading = false;
    await reader;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
    const seconds = (finished - sent.at) / 1000;
    const jobSeconds = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000;
    return {
      rows: options.rows,
      cafes: files.cafeCount,
      people: files.people,
      fileMb: Math.round((Buffer.byteLength(files.attendance) / 1048576) * 10) / 10,
      seconds: Math.round(seconds * 10) / 10,
      importRowsPerSec: Math.round(options.rows / seconds),
      checkSeconds: Math.round((sent.answeredAt - sent.at) / 100) / 10,
      jobRowsPerSec: Math.round(options.rows / jobSeconds),
      accepted: job.accepted,
      rejected: job.rejected,
      importPeakRssMb: server.child.pid ? processPeakRssMb(server.child.pid) : null,
      readsDuringImport: latencies.length,
      readP50Ms: at(0.5),
      readP99Ms: at(0.99),
      readMaxMs: Math.round(latencies[latencies.length - 1] ?? 0),
      readNon2xx: non2xx,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, log: () => string, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`timed out: ${log().slice(-1500)}`);
    await sleep(everyMs);
  }
}
