import { Kysely, sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { dayNumberOf, endOfParisDay, startOfParisDay } from '@cafeia/paris-time';
import { LEVEL_COLUMN } from '../queries/place-codes';
import { parseTerritoryRef } from '../queries/territory-filter';
import type { ReadModelDb } from '../schema/read-model-db';
import { BREAKDOWN_BY, Breakdown, BreakdownBy, BreakdownItem, BreakdownQuery, breakdownFigures } from './breakdown';

/** A breakdown that cannot be computed as asked: names the query parameter to change. */
export class BreakdownQueryError extends RangeError {
  constructor(readonly field: 'by' | 'from' | 'to' | 'territory', message: string) {
    super(message);
    this.name = 'BreakdownQueryError';
  }
}

/** what each `by` groups the cafés (alias `c`, structures `s`) on */
const KEY: Record<BreakdownBy, RawBuilder<string | null>> = {
  format: sql`c.format`,
  audience: sql`c.audience`,
  online: sql`case when c.online = 1 then 'online' else 'in_person' end`,
  structureKind: sql`s.kind`,
  month: sql`c.starts_month`,
};

const boundMs = (value: string, end: boolean, field: 'from' | 'to'): number => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      const day = dayNumberOf(value);
      return end ? endOfParisDay(day) : startOfParisDay(day);
    } catch {
      throw new BreakdownQueryError(field, `${field} is not a date (YYYY-MM-DD) nor an instant: ${value}`);
    }
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new BreakdownQueryError(field, `${field} is not a date (YYYY-MM-DD) nor an instant: ${value}`);
  return ms;
};

type From = SelectQueryBuilder<any, any, {}>;

/** the cafés the breakdown covers: territory, network, scope and start range */
function filtered(query: From, q: BreakdownQuery, range: { fromMs?: number; toMs?: number }): From {
  if (q.territory) {
    let ref;
    try {
      ref = parseTerritoryRef(q.territory);
    } catch {
      throw new BreakdownQueryError('territory', `not a territory: ${String(q.territory)}`);
    }
    const { level, code } = ref;
    // a commune also finds the cafés given with one of its arrondissements' codes
    query = level === 'commune' ? query.where((eb) => eb.or([eb('c.commune', '=', code), eb('c.commune_code', '=', code)])) : query.where(`c.${LEVEL_COLUMN[level]}`, '=', code);
  }
  if (q.networkId !== undefined) query = query.where('c.structure_id', 'in', (eb: any) => eb.selectFrom('network_members').select('structure_id').where('network_id', '=', q.networkId));
  if (q.structureIds) query = q.structureIds.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('c.structure_id', 'in', q.structureIds);
  if (range.fromMs !== undefined) query = query.where('c.starts_at_ms', '>=', range.fromMs);
  if (range.toMs !== undefined) query = query.where('c.starts_at_ms', '<=', range.toMs);
  return query;
}

const compareKeys = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/**
 * Figures per group of cafés, at read time: the additive ones summed from the cafés rows (one grouped query), the
 * distinct people counted over the attendance rows of the cafés in the filter (`count(distinct)` per group and for
 * the total), so a person counts once per item and once in the total, within the range asked.
 */
export async function breakdown(db: Kysely<ReadModelDb>, q: BreakdownQuery): Promise<Breakdown> {
  if (!(BREAKDOWN_BY as readonly string[]).includes(q.by)) throw new BreakdownQueryError('by', `by must be one of ${BREAKDOWN_BY.join(', ')}`);
  const range = { fromMs: q.from === undefined ? undefined : boundMs(q.from, false, 'from'), toMs: q.to === undefined ? undefined : boundMs(q.to, true, 'to') };
  if (range.fromMs !== undefined && range.toMs !== undefined && range.fromMs > range.toMs) throw new BreakdownQueryError('from', 'from is after to.');
  const key = KEY[q.by];
  const withStructures = (query: From): From => (q.by === 'structureKind' ? query.leftJoin('structures as s', 's.structure_id', 'c.structure_id') : query);

  const sums = await filtered(withStructures(db.selectFrom('cafes as c') as unknown as From), q, range)
    .select([
      key.as('key'),
      sql<number>`sum(case when c.cancelled = 0 then c.attended_named else 0 end)`.as('named'),
      sql<number>`sum(case when c.cancelled = 0 then c.anonymous else 0 end)`.as('anonymous'),
      sql<number>`sum(case when c.cancelled = 0 and c.attended_named + c.anonymous > 0 then 1 else 0 end)`.as('held'),
      sql<number>`sum(c.cancelled)`.as('cancelled'),
    ])
    .groupBy(key)
    .execute();
  const attendees = () => withStructures(db.selectFrom('cafe_attendees as a').innerJoin('cafes as c', 'c.cafe_id', 'a.cafe_id') as unknown as From);
  const distinct = await filtered(attendees(), q, range)
    .where('c.cancelled', '=', 0)
    .select([key.as('key'), sql<number>`count(distinct a.participant_id)`.as('people')])
    .groupBy(key)
    .execute();
  const total = await filtered(attendees(), q, range).where('c.cancelled', '=', 0).select(sql<number>`count(distinct a.participant_id)`.as('people')).executeTakeFirst();

  const people = new Map(distinct.map((r: any) => [r.key as string | null, Number(r.people)]));
  const items: BreakdownItem[] = sums
    .map((r: any) => ({ key: r.key as string | null, figures: breakdownFigures(Number(r.named), Number(r.anonymous), people.get(r.key) ?? 0, Number(r.held), Number(r.cancelled)) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const sum = (f: (item: BreakdownItem) => number) => items.reduce((s, item) => s + f(item), 0);
  return {
    by: q.by,
    items,
    total: breakdownFigures(
      sum((i) => i.figures.attendances - i.figures.anonymousAttendees),
      sum((i) => i.figures.anonymousAttendees),
      Number((total as any)?.people ?? 0),
      sum((i) => i.figures.cafesHeld),
      sum((i) => i.figures.cafesCancelled),
    ),
  };
}
