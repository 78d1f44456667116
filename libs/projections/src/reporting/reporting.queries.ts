import { Kysely, sql } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { Reporting, dueBefore, toReporting } from './reporting';

type Filter = { keys: string[] } | { prefix: string };

/**
 * The reporting of each territory key at `nowMs`: sums of the counters of cafés starting more than 7 days before
 * now (a range of the primary key per territory). Keys with nothing due are absent.
 */
export async function reportingOf(db: Kysely<ReadModelDb>, filter: Filter, nowMs: number): Promise<Map<string, Reporting>> {
  if ('keys' in filter && filter.keys.length === 0) return new Map();
  let query = db
    .selectFrom('reporting_by_start')
    .select((eb) => [
      'territory_key',
      eb.fn.sum<number>('cafes_live').as('due'),
      eb.fn.sum<number>('cafes_reported').as('reported'),
      eb.fn.sum<number>('cafes_on_time').as('on_time'),
    ])
    .where('starts_at_ms', '<', dueBefore(nowMs))
    .groupBy('territory_key');
  query = 'keys' in filter ? query.where('territory_key', 'in', filter.keys) : query.where('territory_key', 'like', `${filter.prefix}%`);
  const out = new Map<string, Reporting>();
  for (const row of await query.execute()) out.set(row.territory_key, toReporting(Number(row.due), Number(row.reported), Number(row.on_time)));
  return out;
}

/** the due cafés with no attendance (neither named nor anonymous): SQL of the `unreported` directory filter */
export const unreportedCondition = (nowMs: number) => sql<boolean>`cancelled = 0 and attended_named + anonymous = 0 and starts_at_ms < ${dueBefore(nowMs)}`;
