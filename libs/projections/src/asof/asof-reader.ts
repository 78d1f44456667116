import { Kysely, sql } from 'kysely';
import { TERRITORY_COUNTERS } from '../figures/counters';
import { Figures, StoredFigures, noStoredFigures, toFigures } from '../figures/figures';
import { dueBefore, toReporting } from '../reporting/reporting';
import type { ReadModelDb } from '../schema/read-model-db';

/**
 * Reads the figures as they stood at the end of Paris day `day` (a day number), "now" being `nowMs` (the last
 * millisecond of that day): every sum runs over the rows recorded on or before the day.
 */
export class AsOfReader {
  constructor(
    private readonly db: Kysely<ReadModelDb>,
    private readonly day: number,
    private readonly nowMs: number,
  ) {}

  /** the figures of each key ('nation', 'region:84'…), zeros where nothing was recorded by then */
  async figuresOf(keys: string[]): Promise<Map<string, Figures>> {
    const out = new Map<string, Figures>();
    if (keys.length === 0) return out;
    const stored = new Map<string, StoredFigures>();
    const counters = await this.db
      .selectFrom('asof_figures')
      .select(['territory_key', ...TERRITORY_COUNTERS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c))])
      .where('territory_key', 'in', keys)
      .where('recorded_day', '<=', this.day)
      .groupBy('territory_key')
      .execute();
    for (const row of counters) {
      const figures = noStoredFigures();
      for (const c of TERRITORY_COUNTERS) figures[c] = Number((row as Record<string, unknown>)[c] ?? 0);
      stored.set(row.territory_key, figures);
    }

    const due = dueBefore(this.nowMs);
    const cafes = await this.db
      .selectFrom('asof_cafes_by_start')
      .select([
        'territory_key',
        sql<number>`sum(case when starts_at_ms > ${this.nowMs} then cafes_live else 0 end)`.as('scheduled'),
        sql<number>`sum(case when starts_at_ms < ${due} then cafes_live else 0 end)`.as('due'),
        sql<number>`sum(case when starts_at_ms < ${due} then cafes_reported else 0 end)`.as('reported'),
        sql<number>`sum(case when starts_at_ms < ${due} then cafes_on_time else 0 end)`.as('on_time'),
      ])
      .where('territory_key', 'in', keys)
      .where('recorded_day', '<=', this.day)
      .groupBy('territory_key')
      .execute();
    const byKey = new Map(cafes.map((r) => [r.territory_key, r]));

    const active = await this.db
      .selectFrom((eb) =>
        eb
          .selectFrom('asof_structure_territories')
          .select(['territory_key', 'structure_id', sql<number>`sum(cafes_held)`.as('held')])
          .where('territory_key', 'in', keys)
          .where('recorded_day', '<=', this.day)
          .groupBy(['territory_key', 'structure_id'])
          .as('s'),
      )
      .select((eb) => ['s.territory_key', eb.fn.countAll<number>().as('active')])
      .where('s.held', '>', 0)
      .groupBy('s.territory_key')
      .execute();
    const activeByKey = new Map(active.map((r) => [r.territory_key, Number(r.active)]));

    for (const key of keys) {
      const c = byKey.get(key);
      const reporting = toReporting(Number(c?.due ?? 0), Number(c?.reported ?? 0), Number(c?.on_time ?? 0));
      out.set(key, toFigures(stored.get(key) ?? noStoredFigures(), Number(c?.scheduled ?? 0), activeByKey.get(key) ?? 0, reporting));
    }
    return out;
  }

  /** national people reached counting only cafés that started strictly before `cutoffMs`, as recorded by then */
  async reachedBefore(cutoffMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('asof_reach_by_start')
      .select(sql<number>`coalesce(sum(people), 0)`.as('people'))
      .where('starts_at_ms', '<', cutoffMs)
      .where('recorded_day', '<=', this.day)
      .executeTakeFirst();
    return Number(row?.people ?? 0);
  }

  /** the last event counted: the highest position recorded on or before the day (null: none) */
  async position(): Promise<string | null> {
    const row = await this.db
      .selectFrom('asof_positions')
      .select(sql<string | null>`cast(max(position_num) as text)`.as('position'))
      .where('recorded_day', '<=', this.day)
      .executeTakeFirst();
    return row?.position ?? null;
  }

  /** keys starting with `prefix` with a café or an animator recorded by then */
  async activeKeys(prefix: string): Promise<string[]> {
    const rows = await this.db.selectFrom('asof_activity').select('territory_key').where('territory_key', 'like', `${prefix}%`).where('first_day', '<=', this.day).execute();
    return rows.map((r) => r.territory_key);
  }

  /** the target each key had by then (the last one set on or before the day), when one was set */
  async targets(keys: string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('asof_targets as t')
      .select(['t.territory_key', 't.people'])
      .where('t.territory_key', 'in', keys)
      .where('t.recorded_day', '=', (eb) =>
        eb
          .selectFrom('asof_targets as l')
          .select((e) => e.fn.max('l.recorded_day').as('d'))
          .whereRef('l.territory_key', '=', 't.territory_key')
          .where('l.recorded_day', '<=', this.day),
      )
      .execute();
    return new Map(rows.map((r) => [r.territory_key, Number(r.people)]));
  }
}
