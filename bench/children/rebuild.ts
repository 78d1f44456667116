/**
 * A rebuild in its own process, so that its peak memory is its own: every read model built from the
 * whole store into a fresh generation (SQLite file or PostgreSQL schema), with the projections library's
 * `buildGeneration` (read the log in pages → ProjectionEngine batches), then promoted (SQLite, so that
 * the API measure starts from it) or dropped (PostgreSQL).
 *
 *   node dist/bench/children/rebuild.js --store events.db --sqlite DIR | --postgres URL
 * Prints one line `RESULT {json}` at the end.
 */
import { PostgresGenerationCatalog, SqliteGenerationCatalog, type GenerationCatalog } from '@cafeia/database';
import { SqliteEventStore } from '@cafeia/event-store';
import { buildGeneration } from '@cafeia/projections';
import { Territories } from '@cafeia/territories';
import { parseArgs } from '../support/args';
import { Progress } from '../support/progress';
import { RssSampler } from '../support/rss';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const storeFile = String(args.get('store'));
  const postgres = args.get('postgres');
  const sqliteDir = args.get('sqlite');
  const total = Number(args.get('events') ?? 0);
  const batchSize = args.has('batch') ? Number(args.get('batch')) : undefined;
  const rss = new RssSampler();
  const territories = Territories.official().warmUp();
  const places = { keysOf: (code: string): string[] => [...territories.keysOf(code)], isParis: (code: string) => territories.isParis(code) };
  const catalog: GenerationCatalog = typeof postgres === 'string' ? new PostgresGenerationCatalog(postgres, 'bench_read_models') : new SqliteGenerationCatalog(String(sqliteDir));
  const store = new SqliteEventStore(storeFile);
  const progress = new Progress(typeof postgres === 'string' ? 'rebuild (PostgreSQL)' : 'rebuild (SQLite)', total);

  // buildGeneration reports only at the end: follow its progress through the checkpoint it writes
  const started = performance.now();
  const built = await buildGeneration({
    catalog,
    store: { readAll: async (options) => {
      const page = await store.readAll(options);
      if (page.length > 0) progress.update(Number(page[page.length - 1].position));
      return page;
    } },
    territories: places,
    batchSize,
  });
  const seconds = (performance.now() - started) / 1000;
  progress.done(built.report.events);
  if (typeof postgres === 'string') {
    await built.db.destroy();
    await catalog.drop(built.generation);
  } else {
    await built.db.destroy();
    await catalog.promote(built.generation);
  }
  await catalog.close();
  await store.close();
  rss.stop();
  const result = {
    events: built.report.events,
    seconds,
    eventsPerSec: Math.round(built.report.events / seconds),
    peakRssMb: rss.peakMb(),
    generation: built.generation,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
