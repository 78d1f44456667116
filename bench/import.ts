/**
 * The import benchmark (issue 13): `npm run bench:import [-- --rows 100000]`. A fresh embedded default in its own
 * process imports a 100,000-row attendance file through the API while its dashboards are read; the figures go to
 * bench/import-results.json and their section of bench/RESULTS.md.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { measureImport } from './measures/import';
import { saveImportResults } from './report/results';
import { parseArgs, parseCount } from './support/args';
import { describeMachine } from './support/machine';

const BENCH_DIR = join(__dirname, '..', '..', 'bench'); // dist/bench → <repo>/bench

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rows = parseCount(args.get('rows'), 100_000);
  const dir = join(BENCH_DIR, 'data');
  mkdirSync(dir, { recursive: true });
  const loadBefore = loadavg()[0];
  const started = Date.now();
  console.error(`[bench] importing ${rows} attendance rows… (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  const figures = await measureImport({ dir, rows });
  const sqlite = (new Database(':memory:').prepare('select sqlite_version() as v').get() as { v: string }).v;
  saveImportResults(BENCH_DIR, {
    date: new Date().toISOString(),
    command: `npm run bench:import${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
    machine: describeMachine(sqlite),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    loadAverage: Math.round(Math.max(loadBefore, loadavg()[0]) * 10) / 10,
    figures,
  });
  console.log(JSON.stringify(figures, null, 2));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
