import { sql, type Kysely } from 'kysely';
import { START_COUNTERS, withCounters, type StartCounters } from './counters';

/** per territory and UTC day (days since 1970-01-01): what the cafés starting that day added (the pace, the timeline) */
export type ReachByDayTable = { territory_key: string; day: number } & StartCounters;

/** per territory and UTC day: the cafés starting that day that are not cancelled (cafés to come, without a scan) */
export interface CafesByDayTable {
  territory_key: string;
  day: number;
  cafes: number;
}

export interface DaySeriesTables {
  reach_by_day: ReachByDayTable;
  cafes_by_day: CafesByDayTable;
}

const DAY = sql.lit(86_400_000);

/**
 * Counters that dashboards read on every cache miss, kept so that a read is a few primary-key reads at any size:
 *  - `territory_figures.structures_active` (structures with a held café there), instead of a count over
 *    `structure_territories`;
 *  - `reach_by_day`, the per-day sums of `reach_by_start` (the 28-day pace and the timeline sum days, not instants);
 *  - `cafes_by_day`, the cafés to come per day (a sum over the future days, instead of a scan of future cafés).
 * Generations written before these migrations are filled from the tables they already hold.
 */
export const daySeriesMigrations = {
  'figures/002-structures-active': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('territory_figures').addColumn('structures_active', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await sql`update territory_figures set structures_active = (
          select count(*) from structure_territories s where s.territory_key = territory_figures.territory_key and s.cafes_held > 0)`.execute(db);
    },
  },
  'figures/003-day-series': {
    async up(db: Kysely<any>) {
      await withCounters(
        db.schema
          .createTable('reach_by_day')
          .addColumn('territory_key', 'text', (c) => c.notNull())
          .addColumn('day', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('reach_by_day_pk', ['territory_key', 'day']),
        START_COUNTERS,
      ).execute();
      await db.schema
        .createTable('cafes_by_day')
        .addColumn('territory_key', 'text', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('cafes', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('cafes_by_day_pk', ['territory_key', 'day'])
        .execute();
      // "every territory of a level" reads only the days to come
      await db.schema.createIndex('cafes_by_day_day').on('cafes_by_day').columns(['day', 'territory_key']).execute();
      const counters = START_COUNTERS.join(', ');
      const sums = START_COUNTERS.map((c) => `sum(${c})`).join(', ');
      await sql`insert into reach_by_day (territory_key, day, ${sql.raw(counters)})
        select territory_key, starts_at_ms / ${DAY}, ${sql.raw(sums)} from reach_by_start group by territory_key, starts_at_ms / ${DAY}`.execute(db);
      // the keys a café counts in, from its columns (an older generation has no finer level than the commune)
      for (const key of [sql`'nation'`, sql`'region:' || region`, sql`'department:' || department`, sql`'commune:' || commune`]) {
        await sql`insert into cafes_by_day (territory_key, day, cafes)
          select ${key}, starts_at_ms / ${DAY}, count(*) from cafes where cancelled = 0 and ${key} is not null group by 1, 2`.execute(db);
      }
    },
  },
};
