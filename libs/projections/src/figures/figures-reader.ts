import { Kysely, sql } from 'kysely';
import { TERRITORY_LEVELS, type TerritoryLevel } from '@cafeia/domain';
import { LEVEL_COLUMN } from '../queries/place-codes';
import type { ReadModelDb } from '../schema/read-model-db';
import { NATION } from '../territory/territory-directory';
import { noReporting } from '../reporting/reporting';
import { reportingOf } from '../reporting/reporting.queries';
import { Figures, StoredFigures, noStoredFigures, toFigures } from './figures';
import { DAY_MS } from '../queries/calendar';


/**
 * Reads figures: the stored counters (`territory_figures`, `structures_active` included), `cafesScheduled`
 * (not cancelled, starting after now: the days to come from `cafes_by_day`, plus the rest of today from the
 * few rows of the `cafes_starts_at` index between now and midnight) and `reporting` (`reporting_by_start` rows
 * of cafés started more than 7 days ago). Every read is a handful of primary-key reads or short index ranges,
 * whatever the size of the history.
 */
export class FiguresReader {
  constructor(private readonly db: Kysely<ReadModelDb>) {}

  async nation(nowMs: number): Promise<Figures> {
    return (await this.ofKeys([NATION], nowMs)).get(NATION)!;
  }

  /** figures of each key ('nation' or 'level:code'); a territory with no activity gets zeros */
  async ofKeys(keys: string[], nowMs: number): Promise<Map<string, Figures>> {
    const out = new Map<string, Figures>();
    if (keys.length === 0) return out;
    const stored = new Map<string, StoredFigures & { structures_active?: number }>();
    for (const row of await this.db.selectFrom('territory_figures').selectAll().where('territory_key', 'in', keys).execute()) stored.set(row.territory_key, row);
    const reporting = await reportingOf(this.db, { keys }, nowMs);
    const scheduled = await this.futureDays(nowMs, { keys });
    const addToday = (key: string, count: number) => scheduled.set(key, (scheduled.get(key) ?? 0) + count);
    if (keys.includes(NATION)) addToday(NATION, await this.laterToday(nowMs));
    for (const level of TERRITORY_LEVELS) {
      const codes = keys.filter((k) => k.startsWith(`${level}:`)).map((k) => k.slice(level.length + 1));
      if (codes.length) for (const [code, count] of await this.laterTodayBy(level, nowMs, codes)) addToday(`${level}:${code}`, count);
    }
    for (const key of keys) {
      const row = stored.get(key);
      out.set(key, toFigures(row ?? noStoredFigures(), scheduled.get(key) ?? 0, Number(row?.structures_active ?? 0), reporting.get(key) ?? noReporting()));
    }
    return out;
  }

  /** figures of every territory of a level that has any activity, keyed by code */
  async ofLevel(level: TerritoryLevel, nowMs: number): Promise<Map<string, Figures>> {
    const prefix = `${level}:`;
    const stored = new Map<string, StoredFigures & { structures_active?: number }>();
    for (const row of await this.db.selectFrom('territory_figures').selectAll().where('territory_key', 'like', `${prefix}%`).execute()) {
      stored.set(row.territory_key.slice(prefix.length), row);
    }
    const scheduled = new Map<string, number>();
    for (const [key, count] of await this.futureDays(nowMs, { prefix })) scheduled.set(key.slice(prefix.length), count);
    for (const [code, count] of await this.laterTodayBy(level, nowMs)) scheduled.set(code, (scheduled.get(code) ?? 0) + count);
    const reporting = new Map<string, ReturnType<typeof noReporting>>();
    for (const [key, r] of await reportingOf(this.db, { prefix }, nowMs)) reporting.set(key.slice(prefix.length), r);
    const out = new Map<string, Figures>();
    for (const code of new Set([...stored.keys(), ...scheduled.keys(), ...reporting.keys()])) {
      const row = stored.get(code);
      out.set(code, toFigures(row ?? noStoredFigures(), scheduled.get(code) ?? 0, Number(row?.structures_active ?? 0), reporting.get(code) ?? noReporting()));
    }
    return out;
  }

  /**
   * people reached counting only cafés that started strictly before `cutoffMs` (national): whole days from
   * `reach_by_day`, the part of the cutoff's own day from `reach_by_start`
   */
  async reachedBefore(cutoffMs: number): Promise<number> {
    const cutoffDay = Math.floor(cutoffMs / DAY_MS);
    const days = await this.db
      .selectFrom('reach_by_day')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('first_people'), sql<number>`0`).as('people'), eb.fn.coalesce(eb.fn.sum<number>('anonymous'), sql<number>`0`).as('anonymous')])
      .where('territory_key', '=', NATION)
      .where('day', '<', cutoffDay)
      .executeTakeFirst();
    const partial = await this.db
      .selectFrom('reach_by_start')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('first_people'), sql<number>`0`).as('people'), eb.fn.coalesce(eb.fn.sum<number>('anonymous'), sql<number>`0`).as('anonymous')])
      .where('territory_key', '=', NATION)
      .where('starts_at_ms', '>=', cutoffDay * DAY_MS)
      .where('starts_at_ms', '<', cutoffMs)
      .executeTakeFirst();
    return Number(days?.people ?? 0) + Number(days?.anonymous ?? 0) + Number(partial?.people ?? 0) + Number(partial?.anonymous ?? 0);
  }

  /** cafés (not cancelled) starting on the days after today, per territory key */
  private async futureDays(nowMs: number, filter: { keys: string[] } | { prefix: string }): Promise<Map<string, number>> {
    let query = this.db
      .selectFrom('cafes_by_day')
      .select((eb) => ['territory_key', eb.fn.sum<number>('cafes').as('n')])
      .where('day', '>', Math.floor(nowMs / DAY_MS))
      .groupBy('territory_key');
    query = 'keys' in filter ? query.where('territory_key', 'in', filter.keys) : query.where('territory_key', 'like', `${filter.prefix}%`);
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.territory_key, Number(r.n)]));
  }

  /** cafés (not cancelled) starting after now and before midnight (UTC), nationally */
  private async laterToday(nowMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('cafes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('starts_at_ms', '>', nowMs)
      .where('starts_at_ms', '<', endOfDay(nowMs))
      .where('cancelled', '=', 0)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private async laterTodayBy(level: keyof typeof LEVEL_COLUMN, nowMs: number, codes?: string[]): Promise<Map<string, number>> {
    const column = LEVEL_COLUMN[level];
    let query = this.db
      .selectFrom('cafes')
      .select((eb) => [eb.ref(column).as('code'), eb.fn.countAll<number>().as('n')])
      .where('starts_at_ms', '>', nowMs)
      .where('starts_at_ms', '<', endOfDay(nowMs))
      .where('cancelled', '=', 0)
      .where(column, 'is not', null)
      .groupBy(column);
    if (codes) query = query.where(column, 'in', codes);
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.code as string, Number(r.n)]));
  }
}

const endOfDay = (nowMs: number): number => (Math.floor(nowMs / DAY_MS) + 1) * DAY_MS;
