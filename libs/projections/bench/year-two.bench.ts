/**
 * What the year-two reads cost on a large synthetic history: figures as of a date (the ≤ 1 s p99 target of issue
 * 14), networks, breakdowns, reporting — and what the new read models cost the rebuild. Not part of the test suite
 * (no timing assertions). Builds the read models once into BENCH_DB (reused when it is already built), then times
 * each read:
 *   BENCH_EVENTS=10000000 BENCH_DB=/tmp/year-two.sqlite [BENCH_KIND=postgres DATABASE_URL=…] \
 *     npx jest --testMatch '**\/year-two.bench.ts' --testTimeout 7200000
 */
import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { createDatabase } from '@cafeia/database';
import { Territories } from '@cafeia/territories';
import { ProjectionEngine } from '../src/engine/projection-engine';
import { ReadModelQueries } from '../src/queries/read-model-queries';
import { migrateReadModels } from '../src/schema/migrations';
import type { ReadModelDb } from '../src/schema/read-model-db';
import { syntheticHistory } from './synthetic-history';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);
const KIND = (process.env.BENCH_KIND ?? 'sqlite') as 'sqlite' | 'postgres';
const FILE = process.env.BENCH_DB ?? `/tmp/cafeia-year-two-${EVENTS}.sqlite`;
const SCHEMA = process.env.BENCH_SCHEMA ?? `bench_year_two_${EVENTS}`;
/** the history is recorded over two years, from this day */
const RECORDED_FROM = '2025-01-01T08:00:00Z';
const RECORDED_DAYS = 730;

const territories = Territories.official();
/** the 3,000 most populous communes and Paris's arrondissements: realistic spreads over departments */
const communes = [
  ...[...territories.all('commune')]
    .filter((c) => c.code !== '75056')
    .sort((a, b) => b.population - a.population)
    .slice(0, 3000)
    .map((c) => c.code),
  ...territories.arrondissementsOf('75056').map((a) => a.code),
];

async function build(db: Kysely<ReadModelDb>): Promise<void> {
  const engine = new ProjectionEngine(db, territories);
  if ((await engine.checkpoint())?.eventsApplied === EVENTS) return;
  const started = process.hrtime.bigint();
  let applied = 0;
  for (const batch of syntheticHistory(EVENTS, communes, BATCH, 42, { recordedFrom: RECORDED_FROM, recordedDays: RECORDED_DAYS, networks: 20, variety: true })) {
    applied += (await engine.apply(batch)).applied;
    if (applied % 500_000 < BATCH) console.log(`${KIND}: ${applied} events applied, ${Math.round(applied / (Number(process.hrtime.bigint() - started) / 1e9))} events/s`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${KIND}: built ${applied} events in ${seconds.toFixed(0)} s = ${Math.round(applied / seconds)} events/s (every read model, batch ${BATCH})`);
}

async function time(label: string, runs: number, read: (i: number) => Promise<unknown>): Promise<string> {
  const ms: number[] = [];
  await read(0); // warm the statement cache and the pages it reads
  for (let i = 0; i < runs; i += 1) {
    const t = process.hrtime.bigint();
    await read(i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)].toFixed(1);
  return `| ${label} | ${runs} | ${at(0.5)} | ${at(0.99)} | ${ms[ms.length - 1].toFixed(1)} |`;
}

it('measures the year-two reads', async () => {
  const db =
    KIND === 'sqlite' ? createDatabase<ReadModelDb>({ kind: 'sqlite', file: FILE }) : createDatabase<ReadModelDb>({ kind: 'postgres', url: process.env.DATABASE_URL!, schema: SCHEMA });
  try {
    if (KIND === 'sqlite' && !existsSync(FILE)) console.log(`building ${FILE}`);
    await migrateReadModels(db, KIND === 'postgres' ? SCHEMA : undefined);
    await build(db);
    const queries = new ReadModelQueries(db, territories, { target: 2_000_000, deadline: '2027-12-31', clock: () => new Date('2026-12-31T12:00:00Z') });
    const sizes: string[] = [];
    for (const table of ['cafes', 'cafe_attendees', 'participant_reach', 'reporting_by_start', 'network_members', 'network_people', 'asof_figures', 'asof_cafes_by_start', 'asof_reach_by_start', 'asof_structure_territories', 'asof_positions', 'asof_activity']) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
      sizes.push(`${table} ${Number(rows[0].n)}`);
    }
    console.log(`rows: ${sizes.join(', ')}`);
    const day = (i: number) => new Date(Date.parse(RECORDED_FROM) + ((i * 7919) % RECORDED_DAYS) * 86_400_000).toISOString().slice(0, 10);
    const regions = territories.all('region').map((r) => r.code);
    const departments = ['75', '13', '69', '59', '33', '31', '44', '67', '06', '974'];
    const networks = (await queries.networks({ pageSize: 500 })).items.map((n) => n.id);
    const lines = [
      `| read (${KIND}, ${EVENTS} events) | runs | p50 ms | p99 ms | max ms |`,
      '| --- | --- | --- | --- | --- |',
      await time('progress() (live, with reporting)', 50, () => queries.progress()),
      await time('progressAsOf(date)', 200, (i) => queries.progressAsOf(day(i))),
      await time('territoryFiguresAsOf(region, date) with its departments', 100, (i) => queries.territoryFiguresAsOf('region', regions[i % regions.length], day(i))),
      await time('territoryFiguresAsOf(department, date) with its communes', 100, (i) => queries.territoryFiguresAsOf('department', departments[i % departments.length], day(i))),
      await time('territory(department) (live, with its communes)', 20, (i) => queries.territory('department', departments[i % departments.length])),
      await time('networks() (ranking of 20)', 20, () => queries.networks()),
      await time('network(id) with structures and regions', 50, (i) => queries.network(networks[i % networks.length])),
      await time('breakdown by month, nationally, whole history', 10, () => queries.breakdown({ by: 'month' })),
      await time('breakdown by format, one month', 20, (i) => queries.breakdown({ by: 'format', from: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`, to: `2025-${String((i % 12) + 1).padStart(2, '0')}-28` })),
      await time('breakdown by structureKind, a region', 20, (i) => queries.breakdown({ by: 'structureKind', territory: `region:${regions[i % 13]}` })),
      await time('breakdown by audience, a network', 20, (i) => queries.breakdown({ by: 'audience', networkId: networks[i % networks.length] })),
      await time('cafes({status: unreported}) first page', 20, () => queries.cafes({ status: 'unreported' })),
    ];
    console.log(lines.join('\n'));
  } finally {
    await db.destroy();
  }
});
