import { Kysely, sql } from 'kysely';
import { TERRITORY_LEVELS, type TerritoryLevel } from '@cafeia/domain';
import { LEVEL_COLUMN } from '../queries/place-codes';
import type { ReadModelDb } from '../schema/read-model-db';
import { NATION } from '../territory/territory-directory';
import { noReporting } from '../reporting/reporting';
import { reportingOf } from '../reporting/reporting.queries';
import { Figures, StoredFigures, noStoredFigures, toFigures } from './figures';


/**
 * Reads figures: the stored counters (`territory_figures`), plus `structuresActive` (structures with a
 * held café there, from `structure_territories`), `cafesScheduled` (not cancelled, starting after now,
 * from the few future rows of the `cafes_starts_at` index) and `reporting` (`reporting_by_start` rows of
 * cafés started more than 7 days ago).
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
    const stored = new Map<string, StoredFigures>();
    for (const row of await this.db.selectFrom('territory_figures').selectAll().where('territory_key', 'in', keys).execute()) stored.set(row.territory_key, row);
    const active = await this.structuresActive({ keys });
    const reporting = await reportingOf(this.db, { keys }, nowMs);
    const scheduled = new Map<string, number>();
    if (keys.includes(NATION)) scheduled.set(NATION, await this.scheduledNationally(nowMs));
    for (const level of TERRITORY_LEVELS) {
      const codes = keys.filter((k) => k.startsWith(`${level}:`)).map((k) => k.slice(level.length + 1));
      if (codes.length) for (const [code, count] of await this.scheduledBy(level, nowMs, codes)) scheduled.set(`${level}:${code}`, count);
    }
    for (const key of keys) out.set(key, toFigures(stored.get(key) ?? noStoredFigures(), scheduled.get(key) ?? 0, active.get(key) ?? 0, reporting.get(key) ?? noReporting()));
    return out;
  }

  /** figures of every territory of a level that has any activity, keyed by code */
  async ofLevel(level: TerritoryLevel, nowMs: number): Promise<Map<string, Figures>> {
    const prefix = `${level}:`;
    const stored = new Map<string, StoredFigures>();
    for (const row of await this.db.selectFrom('territory_figures').selectAll().where('territory_key', 'like', `${prefix}%`).execute()) {
      stored.set(row.territory_key.slice(prefix.length), row);
    }
    const active = new Map<string, number>();
    for (const [key, count] of await this.structuresActive({ prefix })) {
      active.set(key.slice(prefix.length), count);
    }
    const scheduled = await this.scheduledBy(level, nowMs);
    const reporting = new Map<string, ReturnType<typeof noReporting>>();
    for (const [key, r] of await reportingOf(this.db, { prefix }, nowMs)) reporting.set(key.slice(prefix.length), r);
    const out = new Map<string, Figures>();
    for (const code of new Set([...stored.keys(), ...active.keys(), ...scheduled.keys(), ...reporting.keys()])) {
      out.set(code, toFigures(stored.get(code) ?? noStoredFigures(), scheduled.get(code) ?? 0, active.get(code) ?? 0, reporting.get(code) ?? noReporting()));
    }
    return out;
  }

  /** people reached counting only cafés that started strictly before `cutoffMs` (national) */
  async reachedBefore(cutoffMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('reach_by_start')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('first_people'), sql<number>`0`).as('people'), eb.fn.coalesce(eb.fn.sum<number>('anonymous'), sql<number>`0`).as('anonymous')])
      .where('territory_key', '=', NATION)
      .where('starts_at_ms', '<', cutoffMs)
      .executeTakeFirst();
    return Number(row?.people ?? 0) + Number(row?.anonymous ?? 0);
  }

  private async structuresActive(filter: { keys: string[] } | { prefix: string }): Promise<Map<string, number>> {
    let query = this.db
      .selectFrom('structure_territories')
      .select((eb) => ['territory_key', eb.fn.countAll<number>().as('active')])
      .where('cafes_held', '>', 0)
      .groupBy('territory_key');
    query = 'keys' in filter ? query.where('territory_key', 'in', filter.keys) : query.where('territory_key', 'like', `${filter.prefix}%`);
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.territory_key, Number(r.active)]));
  }

  private async scheduledNationally(nowMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('cafes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('starts_at_ms', '>', nowMs)
      .where('cancelled', '=', 0)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private async scheduledBy(level: TerritoryLevel, nowMs: number, codes?: string[]): Promise<Map<string, number>> {
    const column = LEVEL_COLUMN[level];
    let query = this.db
      .selectFrom('cafes')
      .select((eb) => [eb.ref(column).as('code'), eb.fn.countAll<number>().as('n')])
      .where('starts_at_ms', '>', nowMs)
      .where('cancelled', '=', 0)
      .where(column, 'is not', null)
      .groupBy(column);
    if (codes) query = query.where(column, 'in', codes);
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.code as string, Number(r.n)]));
  }
}
