import { Kysely, sql } from 'kysely';
import { isHeld } from '../cafes/cafe-view';
import type { ReadModelDb } from '../schema/read-model-db';
import { PlaceResolver, type TerritoryDirectory } from '../territory/territory-directory';
import { parisMonthOf } from '@cafeia/paris-time';

/**
 * The raw counts of the open data, per territory key (`nation`, `region:84`, `epci:200046977`…) for all time
 * (`month` null) and per Paris month of the cafés' start: aggregates only, never a person. Suppression is the
 * publisher's (`@cafeia/publication`), on the whole table at once.
 *
 * All time: the figures every dashboard shows (people counted once per territory). Per month: attendances,
 * anonymous headcounts and cafés held that month, and the people reached there **for the first time** that
 * month (plus that month's anonymous headcounts), so that a territory's months add up to its all-time figure.
 */
export interface OpenFigureCount {
  key: string;
  month: string | null;
  peopleReached: number;
  attendances: number;
  anonymousAttendees: number;
  cafesHeld: number;
  structuresActive: number;
}

type Counts = Omit<OpenFigureCount, 'key' | 'month'>;
const zero = (): Counts => ({ peopleReached: 0, attendances: 0, anonymousAttendees: 0, cafesHeld: 0, structuresActive: 0 });
const n = (v: unknown): number => Number(v ?? 0);

/** rows read per query from the larger tables (keyset pages, so that a large table never sits in one result) */
const PAGE = 20_000;

export async function openFigureCounts(db: Kysely<ReadModelDb>, territories: Pick<TerritoryDirectory, 'keysOf' | 'isParis'>): Promise<OpenFigureCount[]> {
  const monthOf = parisMonthOf;
  const allTime = new Map<string, Counts>();
  const monthly = new Map<string, Counts>();
  const of = (map: Map<string, Counts>, id: string) => {
    let counts = map.get(id);
    if (!counts) map.set(id, (counts = zero()));
    return counts;
  };

  for (const row of await db.selectFrom('territory_figures').select(['territory_key', 'distinct_participants', 'attendances_named', 'anonymous', 'cafes_held']).execute()) {
    const counts = of(allTime, row.territory_key);
    counts.peopleReached = n(row.distinct_participants) + n(row.anonymous);
    counts.attendances = n(row.attendances_named) + n(row.anonymous);
    counts.anonymousAttendees = n(row.anonymous);
    counts.cafesHeld = n(row.cafes_held);
  }
  const active = await db
    .selectFrom('structure_territories')
    .select((eb) => ['territory_key', eb.fn.countAll<number>().as('active')])
    .where('cafes_held', '>', 0)
    .groupBy('territory_key')
    .execute();
  for (const row of active) of(allTime, row.territory_key).structuresActive = n(row.active);

  // per month: what each café start added (reach_by_start), summed over the starts of the month
  let after: [string, number] = ['', -1];
  for (;;) {
    const rows = await db
      .selectFrom('reach_by_start')
      .selectAll()
      .where((eb) => eb.or([eb('territory_key', '>', after[0]), eb.and([eb('territory_key', '=', after[0]), eb('starts_at_ms', '>', after[1])])]))
      .orderBy('territory_key')
      .orderBy('starts_at_ms')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const counts = of(monthly, `${row.territory_key}@${monthOf(Number(row.starts_at_ms))}`);
      counts.peopleReached += n(row.first_people) + n(row.anonymous);
      counts.attendances += n(row.attendances_named) + n(row.anonymous);
      counts.anonymousAttendees += n(row.anonymous);
      counts.cafesHeld += n(row.cafes_held);
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1];
    after = [last.territory_key, Number(last.starts_at_ms)];
  }

  // structures active per month: the distinct structures of the cafés held there that month
  const places = new PlaceResolver(territories);
  const structures = new Map<string, Set<string>>();
  let afterCafe = '';
  for (;;) {
    const rows = await db
      .selectFrom('cafes')
      .select(['cafe_id', 'structure_id', 'commune_code', 'starts_at_ms', 'cancelled', 'attended_named', 'anonymous'])
      .where('cafe_id', '>', afterCafe)
      .where('cancelled', '=', 0)
      .where(sql<number>`attended_named + anonymous`, '>', 0)
      .orderBy('cafe_id')
      .limit(PAGE)
      .execute();
    for (const cafe of rows) {
      if (!isHeld({ cancelled: false, attendedNamed: n(cafe.attended_named), anonymous: n(cafe.anonymous) })) continue;
      const month = monthOf(Number(cafe.starts_at_ms));
      for (const key of places.of(cafe.commune_code).keys) {
        const id = `${key}@${month}`;
        let set = structures.get(id);
        if (!set) structures.set(id, (set = new Set()));
        set.add(cafe.structure_id);
      }
    }
    if (rows.length < PAGE) break;
    afterCafe = rows[rows.length - 1].cafe_id;
  }
  for (const [id, set] of structures) of(monthly, id).structuresActive = set.size;

  const out: OpenFigureCount[] = [];
  const published = (c: Counts) => c.attendances > 0 || c.cafesHeld > 0 || c.peopleReached > 0;
  for (const [key, counts] of allTime) if (published(counts)) out.push({ key, month: null, ...counts });
  for (const [id, counts] of monthly) {
    if (!published(counts)) continue;
    const at = id.lastIndexOf('@');
    out.push({ key: id.slice(0, at), month: id.slice(at + 1), ...counts });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : (a.month ?? '') < (b.month ?? '') ? -1 : (a.month ?? '') > (b.month ?? '') ? 1 : 0));
}
