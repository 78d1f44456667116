/**
 * bench/results.json keeps the latest run of each size ("quick", "full", or "<n> events"), so the growth
 * from 200,000 to 10M events can be read side by side; bench/RESULTS.md is rewritten from it, followed by
 * the hand-written profile findings of bench/FINDINGS.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportResults } from '../measures/import';
import type { Machine } from '../support/machine';

export interface RunRecord {
  label: string;
  date: string;
  command: string;
  machine: Machine;
  events: number;
  durationSeconds: number;
  /** the headline figures; null = not measured (see notMeasured) */
  figures: Record<string, number | null>;
  notMeasured: Record<string, string>;
  details: Record<string, unknown>;
}

export interface ResultsFile {
  runs: Record<string, RunRecord>;
}

interface Target {
  figure: string;
  op: '>=' | '<=';
  value: number;
  unit: string;
}

export const TARGETS: Target[] = [
  { figure: 'appendVsRaw', op: '>=', value: 0.5, unit: '×' },
  { figure: 'commandsPerSec', op: '>=', value: 10_000, unit: '/s' },
  { figure: 'httpWritesPerSec', op: '>=', value: 3_000, unit: '/s' },
  { figure: 'httpWritesVsRawInserts', op: '>=', value: 0.1, unit: '×' },
  { figure: 'httpReadP99Ms', op: '<=', value: 10, unit: 'ms' },
  { figure: 'httpReadP99VsAlone', op: '<=', value: 2, unit: '×' },
  { figure: 'rebuildEventsPerSec', op: '>=', value: 100_000, unit: '/s' },
  { figure: 'rebuildVsRawRead', op: '>=', value: 0.4, unit: '×' },
  { figure: 'rebuildPostgresEventsPerSec', op: '>=', value: 50_000, unit: '/s' },
  { figure: 'pipelineEventsPerSec', op: '>=', value: 20_000, unit: '/s' },
  { figure: 'pipelineVsRawKafka', op: '>=', value: 0.8, unit: '×' },
  { figure: 'peakRssMb', op: '<=', value: 512, unit: 'MB' },
  { figure: 'appendVsPeer', op: '>=', value: 2, unit: '×' },
  { figure: 'rebuildVsPeer', op: '>=', value: 2, unit: '×' },
  { figure: 'appendVsPostgresPeer', op: '>=', value: 2, unit: '×' },
  { figure: 'rebuildVsPostgresPeer', op: '>=', value: 2, unit: '×' },
  { figure: 'pageP95Ms', op: '<=', value: 50, unit: 'ms' },
  { figure: 'pageBytes', op: '<=', value: 150_000, unit: 'B' },
];

/** every figure, in the order the report lists them, with what it means */
export const FIGURES: [string, string][] = [
  ['appendEventsPerSec', 'appends through the port (SQLite store, `appendMany`, ~1,000 events over many streams per batch, expected versions)'],
  ['rawSqliteInsertsPerSec', 'plain better-sqlite3 inserts of the same rows in the same batches (the limit)'],
  ['appendVsRaw', 'appendEventsPerSec ÷ rawSqliteInsertsPerSec'],
  ['appendPerCallEventsPerSec', 'our store, one `append` per stream append, over the peer sample (first 50,000 events)'],
  ['peerAppendEventsPerSec', 'Emmett SQLite event store, the same appends (`appendToStream` each), over the peer sample'],
  ['appendVsPeer', 'appendPerCallEventsPerSec ÷ peerAppendEventsPerSec (same appends, one call each)'],
  ['appendManyVsPeer', 'our bulk path over the peer sample ÷ peer'],
  ['rebuildSampleEventsPerSec', 'our rebuild (`buildGeneration`, every read model) of the peer sample (the per-call file) into SQLite (own process)'],
  ['peerRebuildEventsPerSec', 'Emmett SQLite consumer rebuilding a reach read model (per café and structure) from its store of the peer sample'],
  ['rebuildVsPeer', 'rebuildSampleEventsPerSec ÷ peerRebuildEventsPerSec (the same events)'],
  ['peerPostgresAppendEventsPerSec', 'Emmett PostgreSQL event store (0.42), the same appends (`appendToStream` each, expected versions), over the peer sample, local PostgreSQL'],
  ['appendVsPostgresPeer', 'our SQLite store, one `append` per stream append, measured beside it ÷ peerPostgresAppendEventsPerSec'],
  ['appendManyVsPostgresPeer', 'our bulk path (`appendMany`) over the peer sample, measured beside it ÷ peerPostgresAppendEventsPerSec'],
  ['rebuildPostgresSampleEventsPerSec', 'our rebuild (`buildGeneration`, every read model) of the peer sample into PostgreSQL (own process)'],
  ['peerPostgresRebuildEventsPerSec', 'Emmett `rebuildPostgreSQLProjections` of a reach projection (per café and structure) over its store of the peer sample'],
  ['rebuildVsPostgresPeer', 'rebuildPostgresSampleEventsPerSec ÷ peerPostgresRebuildEventsPerSec (the same events)'],
  ['commandsPerSec', 'RecordAttendance through handleCommand as the API runs it (state cache of 5,000 streams), in process'],
  ['commandsPerSecWithoutStateCache', 'the same without the state cache: every command reads and folds the whole café stream'],
  ['httpWritesPerSec', 'POST /v1/cafes/{id}/enrolments (new people) on the embedded default, full speed, 16 connections'],
  ['httpReadP50Ms', 'GET /v1/progress + territory dashboards at 1,000 req/s during full-speed writes: p50'],
  ['httpReadP99Ms', 'the same: p99'],
  ['httpReadP99AloneMs', 'the same reads at 1,000 req/s with no write: p99'],
  ['httpReadP99VsAlone', 'httpReadP99Ms ÷ httpReadP99AloneMs (what the writes add to a read)'],
  ['httpWritesVsRawInserts', 'httpWritesPerSec ÷ rawSqliteInsertsPerSec'],
  ['pageP95Ms', 'the web app’s dashboard pages (national, regions, a department, held cafés), signed in, 50 req/s: p95 (autocannon’s p97.5, an upper bound)'],
  ['pageBytes', 'the largest of those pages, bytes of HTML before cached assets'],
  ['rebuildEventsPerSec', 'every read model rebuilt from the whole store into SQLite (own process)'],
  ['rebuildPostgresEventsPerSec', 'the same into PostgreSQL (own process)'],
  ['rawSqliteReadEventsPerSec', 'every event read with better-sqlite3 and its JSON parsed, nothing else'],
  ['rebuildVsRawRead', 'rebuildEventsPerSec ÷ rawSqliteReadEventsPerSec'],
  ['portReadAllEventsPerSec', 'every event read through the port (`readAll` pages of 10,000)'],
  ['pipelineEventsPerSec', 'store → relay → Kafka → projector → PostgreSQL, each its own process (steady state)'],
  ['relayEventsPerSec', 'the relay’s checkpoint over the same run, beside it (events acknowledged by the broker); details.pipeline says which side limits'],
  ['rawKafkaProducePerSec', 'kafkajs producer, relay settings, same messages, batches of 500 (the Kafka leg alone)'],
  ['pipelineVsRawKafka', 'pipelineEventsPerSec ÷ rawKafkaProducePerSec'],
  ['rawKafkaProduceLargeBatchPerSec', 'the same producer with batches of 2,000 (what bigger relay batches would buy)'],
  ['peakRssMb', 'peak resident memory of the projector during a rebuild (largest of the processes measured)'],
  ['bytesPerEvent', 'event store file size ÷ events'],
];

export function loadResults(file: string): ResultsFile {
  if (!existsSync(file)) return { runs: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
}

export function saveResults(benchDir: string, run: RunRecord): void {
  const jsonFile = join(benchDir, 'results.json');
  const results = loadResults(jsonFile);
  results.runs[run.label] = run;
  writeFileSync(jsonFile, JSON.stringify(results, null, 2) + '\n');
  rewriteMarkdown(benchDir);
}

/** the import benchmark's last run (`npm run bench:import`), kept beside the runs of `npm run bench` */
export interface ImportRunRecord {
  date: string;
  command: string;
  machine: Machine;
  durationSeconds: number;
  loadAverage: number;
  figures: ImportResults;
}

export function saveImportResults(benchDir: string, run: ImportRunRecord): void {
  writeFileSync(join(benchDir, 'import-results.json'), JSON.stringify(run, null, 2) + '\n');
  rewriteMarkdown(benchDir);
}

/** RESULTS.md from results.json, import-results.json and FINDINGS.md */
function rewriteMarkdown(benchDir: string): void {
  const findingsFile = join(benchDir, 'FINDINGS.md');
  const findings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8') : '';
  const importFile = join(benchDir, 'import-results.json');
  const imported = existsSync(importFile) ? (JSON.parse(readFileSync(importFile, 'utf8')) as ImportRunRecord) : null;
  writeFileSync(join(benchDir, 'RESULTS.md'), renderMarkdown(loadResults(join(benchDir, 'results.json')), findings, imported));
}

/** the import's goals (issue 13) */
const IMPORT_TARGETS: Target[] = [
  { figure: 'importRowsPerSec', op: '>=', value: 5_000, unit: 'rows/s' },
  { figure: 'importPeakRssMb', op: '<=', value: 300, unit: 'MB' },
];

function renderImport(run: ImportRunRecord): string[] {
  const f = run.figures;
  const m = run.machine;
  const out = ['## Import: a 100,000-row attendance file into the embedded default', ''];
  out.push('| figure | target | measured |', '| --- | --- | --- |');
  for (const target of IMPORT_TARGETS) {
    const value = (f as unknown as Record<string, number | null>)[target.figure];
    out.push(`| ${target.figure} | ${target.op} ${fmt(target.value)} ${target.unit} | ${fmt(value)} ${target.unit} — ${verdict(target, value)} |`);
  }
  out.push(`| readP99Ms | stated (dashboards answered meanwhile) | ${fmt(f.readP99Ms)} ms (p50 ${fmt(f.readP50Ms)} ms, max ${fmt(f.readMaxMs)} ms, ${fmt(f.readsDuringImport)} reads, ${f.readNon2xx} not 200) |`);
  out.push('');
  out.push(
    `- ${fmt(f.rows)} rows (${f.fileMb} MB of CSV, ${fmt(f.cafes)} cafés, ${fmt(f.people)} people, each with a name and an email) in ${fmt(f.seconds)} s from the upload to the job's end, ` +
      `of which ${f.checkSeconds} s for the whole-file check before the 202; the job alone ${fmt(f.jobRowsPerSec)} rows/s; ${fmt(f.accepted)} accepted, ${fmt(f.rejected)} rejected`,
  );
  out.push(`- date: ${run.date}`, `- command: \`${run.command}\``, `- duration: ${fmt(run.durationSeconds)} s`);
  out.push(`- machine: ${m.nproc} cores (\`nproc\`), ${m.cpuModel}, ${m.memoryGb} GB memory, Node ${m.node}, SQLite ${m.sqlite}, ${m.platform}; 1-minute load average ${run.loadAverage}`);
  out.push('');
  return out;
}

const fmt = (value: number | null | undefined): string => {
  if (value === null || value === undefined) return '—';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return String(Math.round(value * 100) / 100);
};

function verdict(target: Target, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'not measured';
  const met = target.op === '>=' ? value >= target.value : value <= target.value;
  if (met) return 'met';
  return target.op === '>=' ? `**not met** (${Math.round((value / target.value) * 100)} % of target)` : `**not met** (${fmt(value / target.value)}× the limit)`;
}

/** ratios of issue 12's goals computed from a run's own figures (each against the limit measured in the same run) */
export function withRatios(run: RunRecord): RunRecord {
  const f = run.figures;
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100);
  const alone = (run.details as { http?: { readsAlone?: { p99Ms?: number } } }).http?.readsAlone?.p99Ms ?? null;
  const figures: Record<string, number | null> = {
    httpReadP99AloneMs: alone,
    httpReadP99VsAlone: ratio(f.httpReadP99Ms, alone),
    httpWritesVsRawInserts: ratio(f.httpWritesPerSec, f.rawSqliteInsertsPerSec),
    pipelineVsRawKafka: ratio(f.pipelineEventsPerSec, f.rawKafkaProducePerSec),
    ...f,
  };
  return { ...run, figures };
}

export function renderMarkdown(results: ResultsFile, findings: string, imported: ImportRunRecord | null = null): string {
  const runs = Object.values(results.runs).map(withRatios).sort((a, b) => a.events - b.events);
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push('Written by `npm run bench` (bench/run.ts) from `bench/results.json` and by `npm run bench:import` (bench/import.ts) from `bench/import-results.json`; the profile findings at the end are hand-written (bench/FINDINGS.md).', '');
  const largest = runs[runs.length - 1];
  if (!largest) return out.join('\n') + '\nNo run recorded yet.\n';

  out.push('## Targets', '');
  out.push(`| figure | target | ${runs.map((r) => `${r.label} (${fmt(r.events)} events)`).join(' | ')} |`);
  out.push(`| --- | --- | ${runs.map(() => '---').join(' | ')} |`);
  for (const target of TARGETS) {
    const cells = runs.map((r) => `${fmt(r.figures[target.figure])} ${r.figures[target.figure] == null ? '' : target.unit} — ${verdict(target, r.figures[target.figure])}`);
    out.push(`| ${target.figure} | ${target.op} ${fmt(target.value)} ${target.unit} | ${cells.join(' | ')} |`);
  }
  out.push('');

  out.push('## Every figure, and how it grows with the store', '');
  out.push(`| figure | what | ${runs.map((r) => r.label).join(' | ')} |${runs.length > 1 ? ' growth |' : ''}`);
  out.push(`| --- | --- | ${runs.map(() => '---:').join(' | ')} |${runs.length > 1 ? ' ---: |' : ''}`);
  for (const [figure, what] of FIGURES) {
    const values = runs.map((r) => r.figures[figure]);
    const first = values[0];
    const last = values[values.length - 1];
    const growth = runs.length > 1 && first != null && last != null && first !== 0 ? ` ${fmt(last / first)}× |` : runs.length > 1 ? ' — |' : '';
    out.push(`| ${figure} | ${what} | ${values.map(fmt).join(' | ')} |${growth}`);
  }
  out.push('');

  for (const run of runs) {
    out.push(`## Run "${run.label}": ${fmt(run.events)} events`, '');
    out.push(`- date: ${run.date}`);
    out.push(`- command: \`${run.command}\``);
    out.push(`- duration: ${fmt(run.durationSeconds)} s`);
    const m = run.machine;
    out.push(`- machine: ${m.nproc} cores (\`nproc\`), ${m.cpuModel}, ${m.memoryGb} GB memory, Node ${m.node}, SQLite ${m.sqlite}, ${m.platform}`);
    const loads = (run.details as { loadAverage?: Record<string, number> }).loadAverage;
    if (loads) out.push(`- 1-minute load average at each measure (2 cores; others' work included): ${Object.entries(loads).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const carried = (run.details as { carriedOver?: Record<string, string> }).carriedOver;
    if (carried && Object.keys(carried).length > 0) {
      out.push(`- carried over from an earlier run of the same size (\`--carry-over\`): ${Object.entries(carried).map(([k, v]) => `${k} (measured ${v})`).join(', ')}`);
    }
    const missing = Object.entries(run.notMeasured);
    if (missing.length > 0) {
      out.push('- not measured:');
      for (const [name, reason] of missing) out.push(`  - ${name}: ${reason}`);
    }
    out.push('', '<details><summary>details</summary>', '', '```json', JSON.stringify(run.details, null, 2), '```', '', '</details>', '');
  }
  if (imported) out.push(...renderImport(imported));
  if (findings.trim()) out.push(findings.trim(), '');
  return out.join('\n');
}
