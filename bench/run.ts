/**
 * The benchmark harness: every figure in one run, written to bench/results.json and bench/RESULTS.md.
 *
 *   npm run bench -- --quick          200,000 events, a couple of minutes
 *   npm run bench                     10,000,000 events (run it in the background: about 2 hours on 2 cores)
 *   options: --events N   --skip pipeline,http,...   --keep (keep bench/data/<run>)   --label NAME   --peer-sample N (events given to the peer, default 50,000)
 *
 * Measures, in order (each failure is recorded as "not measured: <reason>", never as a number):
 *   append (generates the dataset) → reads → rebuild (SQLite) → rebuild (PostgreSQL) → peerPostgres (Emmett's
 *   PostgreSQL event store: appends and a projection rebuild over the peer sample) → pipeline (Kafka)
 *   → http (embedded default) → commands.
 * PostgreSQL and Kafka are the local ones of scripts/infra, started if needed and stopped if started here.
 * Before each measure the figures measured so far are recorded (`details.partial`, the rest "not reached"): a run
 * stopped by hand keeps what it measured; the record at the end replaces it.
 */
import 'reflect-metadata';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { measureAppends, type AppendResults } from './measures/append';
import { measureCommands } from './measures/commands';
import { measureHttp } from './measures/http';
import { measurePages } from './measures/pages';
import { measurePipeline } from './measures/pipeline';
import { measurePostgresPeer } from './measures/postgres-peer';
import { measureReads } from './measures/read';
import { loadResults, RunRecord, saveResults } from './report/results';
import { parseArgs, parseCount } from './support/args';
import { childScript, runChild } from './support/children';
import { Infra } from './support/infra';
import { describeMachine } from './support/machine';

const BENCH_DIR = join(__dirname, '..', '..', 'bench'); // dist/bench → <repo>/bench
/** the first events of the dataset, appended one call per stream append by our store and by the peer (Emmett 0.38 opens a connection per call: slow) */
const PEER_SAMPLE = 50_000;
const MEASURES = ['append', 'reads', 'rebuild', 'rebuildPostgres', 'peerPostgres', 'pipeline', 'http', 'pages', 'commands'] as const;

/** the figures each measure produces (a skipped measure keeps the previous run's, see carryOver) */
const FIGURES_OF: Record<(typeof MEASURES)[number], string[]> = {
  append: ['appendEventsPerSec', 'rawSqliteInsertsPerSec', 'appendVsRaw', 'appendPerCallEventsPerSec', 'peerAppendEventsPerSec', 'appendVsPeer', 'appendManyVsPeer', 'rebuildSampleEventsPerSec', 'peerRebuildEventsPerSec', 'rebuildVsPeer', 'bytesPerEvent'],
  reads: ['rawSqliteReadEventsPerSec', 'portReadAllEventsPerSec', 'rebuildVsRawRead'],
  rebuild: ['rebuildEventsPerSec', 'rebuildVsRawRead', 'peakRssMb'],
  rebuildPostgres: ['rebuildPostgresEventsPerSec', 'peakRssMb'],
  peerPostgres: ['peerPostgresAppendEventsPerSec', 'appendVsPostgresPeer', 'appendManyVsPostgresPeer', 'rebuildPostgresSampleEventsPerSec', 'peerPostgresRebuildEventsPerSec', 'rebuildVsPostgresPeer'],
  pipeline: ['pipelineEventsPerSec', 'relayEventsPerSec', 'rawKafkaProducePerSec', 'rawKafkaProduceLargeBatchPerSec', 'peakRssMb'],
  http: ['httpWritesPerSec', 'httpReadP50Ms', 'httpReadP99Ms'],
  pages: ['pageP95Ms', 'pageBytes'],
  commands: ['commandsPerSec', 'commandsPerSecWithoutStateCache'],
};

interface RebuildChildResult {
  events: number;
  seconds: number;
  eventsPerSec: number;
  peakRssMb: number;
  generation: string;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const quick = args.has('quick');
  const events = parseCount(args.get('events'), quick ? 200_000 : 10_000_000);
  const label = String(args.get('label') ?? (quick ? 'quick' : events === 10_000_000 ? 'full' : `${events}`));
  const skip = new Set(String(args.get('skip') ?? '').split(',').filter(Boolean));
  const phaseSeconds = quick ? 10 : 30;
  const dataDir = join(BENCH_DIR, 'data', `run-${label}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const sqliteVersion = (new Database(':memory:').prepare('select sqlite_version() as v').get() as { v: string }).v;

  const figures: Record<string, number | null> = {};
  let datasetEvents = events; // the dataset's size, once written
  const details: Record<string, unknown> = {};
  const notMeasured: Record<string, string> = {};
  // the machine may be shared: the 1-minute load average before and after each measure says how much
  const loads: Record<string, number> = {};
  const log = (message: string) => console.error(`[bench] ${message}`);
  const record = (partialBefore: (typeof MEASURES)[number] | null): RunRecord => {
    const pending: Record<string, string> = {};
    if (partialBefore) {
      for (const measure of MEASURES.slice(MEASURES.indexOf(partialBefore))) {
        if (!skip.has(measure)) pending[measure] = `not reached: this record was written at ${new Date().toISOString()}, while the run was going, before this measure`;
      }
    }
    return {
      label,
      date: new Date().toISOString(),
      command: `npm run bench --${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`,
      machine: describeMachine(sqliteVersion),
      events: datasetEvents,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      figures: { ...figures },
      notMeasured: { ...notMeasured, ...pending },
      details: { ...details, ...(partialBefore ? { partial: true } : {}), loadAverage: Object.fromEntries(Object.entries(loads).map(([k, v]) => [k, Math.round(v * 10) / 10])) },
    };
  };
  const step = async <T>(name: (typeof MEASURES)[number], run: () => Promise<T>): Promise<T | null> => {
    if (skip.has(name)) {
      notMeasured[name] = 'skipped (--skip)';
      return null;
    }
    // a long run records what it has measured before each measure: stopped, it keeps its figures (marked partial)
    if (name !== MEASURES[0] && !args.has('carry-over')) saveResults(BENCH_DIR, record(name));
    log(`${name}… (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
    loads[name] = loadavg()[0];
    const t = Date.now();
    try {
      const result = await run();
      details[name] = result;
      loads[name] = Math.max(loads[name], loadavg()[0]);
      log(`${name} done in ${Math.round((Date.now() - t) / 1000)} s`);
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0].slice(0, 400) : String(error);
      notMeasured[name] = reason;
      log(`${name} not measured: ${reason}`);
      return null;
    }
  };

  // 1. appends: the dataset itself
  const appended: AppendResults | null = await step('append', () =>
    measureAppends({
      dir: dataDir,
      events,
      peerSample: Math.min(events, parseCount(args.get('peer-sample'), PEER_SAMPLE)),
      rebuildOurs: (store, sqliteDir, sampleEvents) =>
        runChild<RebuildChildResult>(childScript('rebuild'), ['--store', store, '--sqlite', sqliteDir, '--events', String(sampleEvents)], { timeoutMs: Math.max(600_000, (sampleEvents / 1_000) * 1000) }),
    }),
  );
  if (!appended) throw new Error(`the dataset could not be written: ${notMeasured.append}`);
  Object.assign(figures, {
    appendEventsPerSec: appended.appendEventsPerSec,
    rawSqliteInsertsPerSec: appended.rawSqliteInsertsPerSec,
    appendVsRaw: appended.appendVsRaw,
    appendPerCallEventsPerSec: appended.appendPerCallEventsPerSec,
    peerAppendEventsPerSec: appended.peerAppendEventsPerSec,
    appendVsPeer: appended.appendVsPeer,
    appendManyVsPeer: appended.appendManyVsPeer,
    rebuildSampleEventsPerSec: appended.rebuildSampleEventsPerSec,
    peerRebuildEventsPerSec: appended.peerRebuildEventsPerSec,
    rebuildVsPeer: appended.rebuildVsPeer,
    bytesPerEvent: appended.bytesPerEvent,
  });
  if (appended.peerNote) notMeasured.peer = appended.peerNote;
  if (appended.peerRebuildNote) notMeasured.peerRebuild = appended.peerRebuildNote;
  const storeFile = appended.storeFile;
  const total = appended.events;
  datasetEvents = total;

  // 2. reads
  const reads = await step('reads', () => measureReads(storeFile, total));
  figures.rawSqliteReadEventsPerSec = reads?.rawSqliteReadEventsPerSec ?? null;
  figures.portReadAllEventsPerSec = reads?.portReadAllEventsPerSec ?? null;

  // 3. rebuild into SQLite (promoted in DATA_DIR/read-models, where the API finds it)
  const rebuildTimeout = Math.max(600_000, (total / 2_000) * 1000);
  const rebuild = await step('rebuild', () =>
    runChild<RebuildChildResult>(childScript('rebuild'), ['--store', storeFile, '--sqlite', join(dataDir, 'read-models'), '--events', String(total)], { timeoutMs: rebuildTimeout }),
  );
  figures.rebuildEventsPerSec = rebuild?.eventsPerSec ?? null;
  figures.rebuildVsRawRead = rebuild && reads ? Math.round((rebuild.eventsPerSec / reads.rawSqliteReadEventsPerSec) * 100) / 100 : null;

  // 4–5. PostgreSQL and Kafka
  const postgres = new Infra('postgres');
  const kafka = new Infra('kafka');
  let postgresUrl: string | null = null;
  let rebuildPg: RebuildChildResult | null = null;
  try {
    if (!skip.has('rebuildPostgres') || !skip.has('peerPostgres') || !skip.has('pipeline')) {
      try {
        postgresUrl = postgres.start();
      } catch (error) {
        notMeasured.postgres = `PostgreSQL could not be started: ${(error as Error).message.slice(0, 300)}`;
      }
    }
    rebuildPg = await step('rebuildPostgres', async () => {
      if (!postgresUrl) throw new Error(notMeasured.postgres ?? 'no PostgreSQL');
      const database = `cafeia_bench_rebuild_${Date.now().toString(36)}`;
      await pgAdmin(postgresUrl, `CREATE DATABASE ${database}`);
      try {
        return await runChild<RebuildChildResult>(childScript('rebuild'), ['--store', storeFile, '--postgres', withDatabase(postgresUrl, database), '--events', String(total)], {
          timeoutMs: Math.max(600_000, (total / 2_000) * 1000),
        });
      } finally {
        await pgAdmin(postgresUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      }
    });
    figures.rebuildPostgresEventsPerSec = rebuildPg?.eventsPerSec ?? null;

    // 4b. the second peer, Emmett's PostgreSQL event store: the peer sample's appends, then a projection rebuild
    const peerPg = await step('peerPostgres', async () => {
      if (!postgresUrl) throw new Error(notMeasured.postgres ?? 'no PostgreSQL');
      return measurePostgresPeer({
        dir: dataDir,
        events,
        peerSample: Math.min(total, parseCount(args.get('peer-sample'), PEER_SAMPLE)),
        postgresUrl,
        rebuildOurs: (store, url, sampleEvents) =>
          runChild<RebuildChildResult>(childScript('rebuild'), ['--store', store, '--postgres', url, '--events', String(sampleEvents)], { timeoutMs: Math.max(600_000, (sampleEvents / 1_000) * 1000) }),
      });
    });
    figures.peerPostgresAppendEventsPerSec = peerPg?.peerPostgresAppendEventsPerSec ?? null;
    figures.appendVsPostgresPeer = peerPg?.appendVsPostgresPeer ?? null;
    figures.appendManyVsPostgresPeer = peerPg?.appendManyVsPostgresPeer ?? null;
    figures.rebuildPostgresSampleEventsPerSec = peerPg?.rebuild.ours.eventsPerSec ?? null;
    figures.peerPostgresRebuildEventsPerSec = peerPg?.peerPostgresRebuildEventsPerSec ?? null;
    figures.rebuildVsPostgresPeer = peerPg?.rebuildVsPostgresPeer ?? null;
    if (peerPg && rebuildPg) {
      // our rebuild over the whole store (rebuildPostgres) beside the peer's over the sample, for the record
      (details.peerPostgres as Record<string, unknown>).rebuildPostgresWholeStoreVsPeer = Math.round((rebuildPg.eventsPerSec / peerPg.peerPostgresRebuildEventsPerSec) * 100) / 100;
    }

    const pipeline = await step('pipeline', async () => {
      if (!postgresUrl) throw new Error(notMeasured.postgres ?? 'no PostgreSQL');
      const brokers = kafka.start();
      try {
        const pipelineEvents = Math.min(total, quick ? total : 2_000_000);
        return await measurePipeline({
          dataDir,
          brokers,
          postgresUrl,
          events: pipelineEvents,
          rawProduceEvents: Math.min(total, quick ? 100_000 : 300_000),
          timeoutMs: Math.max(300_000, (pipelineEvents / 2_000) * 1000),
        });
      } finally {
        kafka.stop();
      }
    });
    figures.pipelineEventsPerSec = pipeline?.pipelineEventsPerSec ?? null;
    figures.relayEventsPerSec = pipeline?.relayEventsPerSec ?? null;
    figures.rawKafkaProducePerSec = pipeline?.rawKafkaProducePerSec ?? null;
    figures.rawKafkaProduceLargeBatchPerSec = pipeline?.rawKafkaProduceLargeBatchPerSec ?? null;
    const rssFigures = [pipeline?.projectorPeakRssMb, rebuild?.peakRssMb, rebuildPg?.peakRssMb].filter((x): x is number => typeof x === 'number');
    figures.peakRssMb = rssFigures.length > 0 ? Math.max(...rssFigures) : null;
    details.peakRss = { projectorViaKafka: pipeline?.projectorPeakRssMb ?? null, rebuildSqliteProcess: rebuild?.peakRssMb ?? null, rebuildPostgresProcess: rebuildPg?.peakRssMb ?? null };
  } finally {
    try {
      postgres.stop();
    } catch (error) {
      log(`stopping PostgreSQL failed: ${String(error)}`);
    }
  }

  // 6. the embedded default over HTTP (appends to the store: after every read-only measure)
  const http = await step('http', () => measureHttp(dataDir, { seconds: phaseSeconds }));
  figures.httpWritesPerSec = http?.httpWritesPerSec ?? null;
  figures.httpReadP50Ms = http?.httpReadP50Ms ?? null;
  figures.httpReadP99Ms = http?.httpReadP99Ms ?? null;

  // 6b. the web app's dashboard pages (HTML before cached assets)
  const pages = await step('pages', () => measurePages(dataDir, { seconds: phaseSeconds }));
  figures.pageP95Ms = pages?.pageP95Ms ?? null;
  figures.pageBytes = pages?.pageBytes ?? null;

  // 7. the command pipeline in process
  const commands = await step('commands', () => measureCommands(storeFile, { seconds: phaseSeconds }));
  figures.commandsPerSec = commands?.commandsPerSec ?? null;
  figures.commandsPerSecWithoutStateCache = commands?.withoutStateCache.commandsPerSec ?? null;

  const run = record(null);
  if (args.has('carry-over')) carryOver(run, skip);
  saveResults(BENCH_DIR, run);
  if (!args.has('keep')) rmSync(dataDir, { recursive: true, force: true });
  log(`results written to bench/results.json and bench/RESULTS.md (${run.durationSeconds} s)`);
  console.log(JSON.stringify({ label, events: total, figures, notMeasured }, null, 2));
}

/**
 * `--carry-over`: the measures skipped in this run keep the figures (and details) of the previous run of the
 * same label, each marked with the date of the run that measured it — so a long run can be completed
 * piecewise without presenting old figures as new.
 */
function carryOver(run: RunRecord, skipped: Set<string>): void {
  const previous = loadResults(join(BENCH_DIR, 'results.json')).runs[run.label];
  if (!previous) return;
  const carried: Record<string, string> = {};
  for (const measure of MEASURES) {
    if (!skipped.has(measure)) continue;
    for (const figure of FIGURES_OF[measure]) {
      if (run.figures[figure] == null && previous.figures[figure] != null) run.figures[figure] = previous.figures[figure];
    }
    if (previous.details[measure] !== undefined) run.details[measure] = previous.details[measure];
    const from = (previous.details.carriedOver as Record<string, string> | undefined)?.[measure] ?? previous.date;
    carried[measure] = from;
    delete run.notMeasured[measure];
  }
  run.details.carriedOver = carried;
  if (previous.details.peakRss && skipped.has('rebuild')) run.details.peakRss = previous.details.peakRss;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function pgAdmin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

main().then(
  // a client library may keep a socket or timer alive: the run is over
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
