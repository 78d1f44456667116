import { Kysely, sql } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { DAY_MS, dayOfMs } from '../queries/calendar';
import { Reporting, dueBefore, toReporting } from './reporting';

type Filter = { keys: string[] } | { prefix: string };

/**
 * The reporting of each territory key at `nowMs`: sums of the counters of cafés starting more than 7 days before
 * now — the whole days before the boundary's UTC day from `reporting_by_day` (a range of its primary key per
 * territory: about one row per day of activity, whatever the number of cafés), then the instants of that day before
 * the boundary from `reporting_by_start`. Keys with nothing due are absent.
 */
export async function reportingOf(db: Kysely<ReadModelDb>, filter: Filter, nowMs: number): Promise<Map<string, Reporting>> {
  if ('keys' in filter && filter.keys.length === 0) return new Map();
  const boundary = dueBefore(nowMs);
  const boundaryDay = dayOfMs(boundary);
  const rows = [
    ...(await counterSums(db, 'reporting_by_day', filter, { column: 'day', from: null, before: boundaryDay })),
    ...(await counterSums(db, 'reporting_by_start', filter, { column: 'starts_at_ms', from: boundaryDay * DAY_MS, before: boundary })),
  ];
  const sums = new Map<string, { due: number; reported: number; onTime: number }>();
  for (const row of rows) {
    const sum = sums.get(row.territory_key) ?? { due: 0, reported: 0, onTime: 0 };
    sum.due += Number(row.due);
    sum.reported += Number(row.reported);
    sum.onTime += Number(row.on_time);
    sums.set(row.territory_key, sum);
  }
  const out = new Map<string, Reporting>();
  for (const [key, sum] of sums) if (sum.due !== 0 || sum.reported !== 0 || sum.onTime !== 0) out.set(key, toReporting(sum.due, sum.reported, sum.onTime));
  return out;
}

type CounterSums = { territory_key: string; due: number | string | bigint; reported: number | string | bigint; on_time: number | string | bigint };

/** the reporting counters of one of the two tables summed per territory key, over the keys of `filter`, `from` ≤ column < `before` */
async function counterSums(
  db: Kysely<ReadModelDb>,
  table: 'reporting_by_day' | 'reporting_by_start',
  filter: Filter,
  range: { column: 'day' | 'starts_at_ms'; from: number | null; before: number },
): Promise<CounterSums[]> {
  // the two tables share the territory key and the counters; only the range's column differs
  let query = (db as Kysely<any>)
    .selectFrom(table)
    .select((eb) => ['territory_key', eb.fn.sum('cafes_live').as('due'), eb.fn.sum('cafes_reported').as('reported'), eb.fn.sum('cafes_on_time').as('on_time')])
    .where(range.column, '<', range.before)
    .groupBy('territory_key');
  if (range.from !== null) query = query.where(range.column, '>=', range.from);
  query = 'keys' in filter ? query.where('territory_key', 'in', filter.keys) : query.where('territory_key', 'like', `${filter.prefix}%`);
  return (await query.execute()) as CounterSums[];
}

/** the due cafés with no attendance (neither named nor anonymous): SQL of the `unreported` directory filter */
export const unreportedCondition = (nowMs: number) => sql<boolean>`cancelled = 0 and attended_named + anonymous = 0 and starts_at_ms < ${dueBefore(nowMs)}`;
