import { Kysely, sql } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { Reporting, dueBefore, toReporting } from './reporting';
import { UNREPORTED } from '../cafes/cafes.tables';

type Filter = { keys: string[] } | { prefix: string };

/**
 * The reporting of each territory key at `nowMs`: sums of the counters of cafés starting more than 7 days before
 * now — each key's total over every café (`reporting_totals`, one row) less the cafés starting at or after the
 * boundary (`reporting_by_start` from the boundary on: the last 7 days and the cafés to come, whatever the length of
 * the history). Keys with nothing due are absent.
 */
export async function reportingOf(db: Kysely<ReadModelDb>, filter: Filter, nowMs: number): Promise<Map<string, Reporting>> {
  if ('keys' in filter && filter.keys.length === 0) return new Map();
  const sums = new Map<string, { due: number; reported: number; onTime: number }>();
  const add = (rows: CounterRow[], sign: 1 | -1) => {
    for (const row of rows) {
      const sum = sums.get(row.territory_key) ?? { due: 0, reported: 0, onTime: 0 };
      sum.due += sign * Number(row.cafes_live);
      sum.reported += sign * Number(row.cafes_reported);
      sum.onTime += sign * Number(row.cafes_on_time);
      sums.set(row.territory_key, sum);
    }
  };
  add(await counterRows(db, 'reporting_totals', filter, null), 1);
  add(await counterRows(db, 'reporting_by_start', filter, dueBefore(nowMs)), -1);
  const out = new Map<string, Reporting>();
  for (const [key, sum] of sums) if (sum.due !== 0 || sum.reported !== 0 || sum.onTime !== 0) out.set(key, toReporting(sum.due, sum.reported, sum.onTime));
  return out;
}

type CounterRow = { territory_key: string; cafes_live: number | string; cafes_reported: number | string; cafes_on_time: number | string };

/**
 * the reporting counters of one of the two tables over the keys of `filter` (and, for `reporting_by_start`, from an
 * instant on), summed by the caller: with no GROUP BY, SQLite reads the start range through
 * `reporting_by_start_starts_at` instead of walking the primary key in key order to group it
 */
async function counterRows(db: Kysely<ReadModelDb>, table: 'reporting_totals' | 'reporting_by_start', filter: Filter, fromMs: number | null): Promise<CounterRow[]> {
  let query = (db as Kysely<any>).selectFrom(table).select(['territory_key', 'cafes_live', 'cafes_reported', 'cafes_on_time']);
  if (fromMs !== null) query = query.where('starts_at_ms', '>=', fromMs);
  query = 'keys' in filter ? query.where('territory_key', 'in', filter.keys) : query.where('territory_key', 'like', `${filter.prefix}%`);
  return (await query.execute()) as CounterRow[];
}

/** the due cafés with no attendance (neither named nor anonymous): SQL of the `unreported` directory filter */
export const unreportedCondition = (nowMs: number) => sql<boolean>`${sql.raw(UNREPORTED)} and starts_at_ms < ${dueBefore(nowMs)}`;
