/**
 * Measures the rebuild rate (events applied per second) on SQLite and PostgreSQL over a synthetic history.
 * Not part of the test suite (no timing assertions): run with
 *   BENCH_EVENTS=200000 [BENCH_BATCH=10000] [BENCH_STREAM=1] DATABASE_URL=postgres://… npx jest --testMatch '**\/rebuild-rate.bench.ts' --testTimeout 600000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDatabase } from '@cafeia/database';
import { ProjectionEngine } from '../src/engine/projection-engine';
import { migrateReadModels } from '../src/schema/migrations';
import { ReadModelQueries } from '../src/queries/read-model-queries';
import { FakeTerritories } from '../src/testing/fake-territories';
import { syntheticHistory } from './synthetic-history';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);

async function measure(kind: 'sqlite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cafeia-bench-'));
  const schema = `bench_${process.pid}`;
  const db =
    kind === 'sqlite' ? createDatabase({ kind: 'sqlite', file: join(dir, 'rm.sqlite') }) : createDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, schema });
  try {
    await migrateReadModels(db, kind === 'postgres' ? schema : undefined);
    const territories = new FakeTerritories();
    const engine = new ProjectionEngine(db, territories);
    // generated ahead, so that only the rebuild is timed (a store read would overlap with applying);
    // BENCH_STREAM=1 generates while applying instead, to show the memory the engine itself needs
    const history = syntheticHistory(EVENTS, FakeTerritories.communeCodes, BATCH);
    const batches = process.env.BENCH_STREAM === '1' ? history : [...history];
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    let applied = 0;
    let peakRss = 0;
    for (const batch of batches) {
      applied += (await engine.apply(batch)).applied;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const figures = await new ReadModelQueries(db, territories, { target: 2_000_000, deadline: '2027-12-31' }).progress();
    console.log(
      `${kind}: ${applied} events in ${seconds.toFixed(1)} s = ${Math.round(applied / seconds)} events/s (batch ${BATCH}); ` +
        `this process's CPU ${cpuSeconds.toFixed(1)} s (${Math.round(applied / cpuSeconds)} events per CPU-second); ` +
        `peak RSS ${Math.round(peakRss / 2 ** 20)} MB; people reached ${figures.figures.peopleReached}, cafés held ${figures.figures.cafesHeld}`,
    );
  } finally {
    if (kind === 'postgres') await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

it('measures the rebuild rate', async () => {
  await measure('sqlite');
  if (process.env.DATABASE_URL) await measure('postgres');
});
