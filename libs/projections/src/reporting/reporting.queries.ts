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
  let days = db
    .selectFrom('reporting_by_day')
    .select((eb) => ['territory_key', eb.fn.sum<number>('cafes_live').as('due'), eb.fn.sum<number>('cafes_reported').as('reported'), eb.fn.sum<number>('cafes_on_time').as('on_time')])
    .where('day', '<', boundaryDay)
    .groupBy('territory_key');
  let instants = db
    .selectFrom('reporting_by_start')
    .select((eb) => ['territory_key', eb.fn.sum<number>('cafes_live').as('due'), eb.fn.sum<number>('cafes_reported').as('reported'), eb.fn.sum<number>('cafes_on_time').as('on_time')])
    .where('starts_at_ms', '>=', boundaryDay * DAY_MS)
    .where('starts_at_ms', '<', boundary)
    .groupBy('territory_key');
  if ('keys' in filter) {
    days = days.where('territory_key', 'in', filter.keys);
    instants = instants.where('territory_key', 'in', filter.keys);
  } else {
    days = days.where('territory_key', 'like', `${filter.prefix}%`);
    instants = instants.where('territory_key', 'like', `${filter.prefix}%`);
  }
  const sums = new Map<string, { due: number; reported: number; onTime: number }>();
  for (const row of [...(await days.execute()), ...(await instants.execute())]) {
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

/** the due cafés with no attendance (neither named nor anonymous): SQL of the `unreported` directory filter */
export const unreportedCondition = (nowMs: number) => sql<boolean>`cancelled = 0 and attended_named + anonymous = 0 and starts_at_ms < ${dueBefore(nowMs)}`;
