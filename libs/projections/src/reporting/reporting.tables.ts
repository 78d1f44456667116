import { sql, type Kysely } from 'kysely';
import { withCounters } from '../figures/counters';
import { historyMigration } from '../schema/history-migration';
import { REPORTING_COUNTERS, type ReportingCounters } from './reporting';

/** per territory key and café start instant: cafés not cancelled, reported, reported on time */
export type ReportingByStartTable = { territory_key: string; starts_at_ms: number } & ReportingCounters;

/** the same counters summed per territory key over every café: a due total is this one row less the cafés starting
 * after the boundary (the last 7 days and those to come), a short range of `reporting_by_start_starts_at` */
export type ReportingTotalsTable = { territory_key: string } & ReportingCounters;

export interface ReportingTables {
  reporting_by_start: ReportingByStartTable;
  reporting_totals: ReportingTotalsTable;
}

export const reportingMigrations = {
  'reporting/001-reporting-by-start': historyMigration(async (db: Kysely<any>) => {
    await withCounters(
      db.schema
        .createTable('reporting_by_start')
        .addColumn('territory_key', 'text', (c) => c.notNull())
        .addColumn('starts_at_ms', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('reporting_by_start_pk', ['territory_key', 'starts_at_ms']),
      REPORTING_COUNTERS,
    ).execute();
  }),
  'reporting/002-reporting-by-day': historyMigration(async (db: Kysely<any>) => {
    await withCounters(
      db.schema
        .createTable('reporting_by_day')
        .addColumn('territory_key', 'text', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('reporting_by_day_pk', ['territory_key', 'day']),
      REPORTING_COUNTERS,
    ).execute();
  }),
  // Derived from `reporting_by_start` alone (its sums per key), so applied to an existing generation as it is, in the
  // migrations' transaction: a due total no longer reads one row per day of the whole history (`reporting_by_day`,
  // 002, dropped here) but one row per key and the cafés of the last 7 days and after.
  'reporting/003-reporting-totals': {
    async up(db: Kysely<any>) {
      await withCounters(db.schema.createTable('reporting_totals').addColumn('territory_key', 'text', (c) => c.primaryKey()), REPORTING_COUNTERS).execute();
      const columns = sql.join(REPORTING_COUNTERS.map((c) => sql.id(c)));
      const sums = sql.join(REPORTING_COUNTERS.map((c) => sql`sum(${sql.id(c)})`));
      await sql`insert into reporting_totals (territory_key, ${columns}) select territory_key, ${sums} from reporting_by_start group by territory_key`.execute(db);
      await db.schema.createIndex('reporting_by_start_starts_at').on('reporting_by_start').columns(['starts_at_ms']).execute();
      await db.schema.dropTable('reporting_by_day').execute();
    },
  },
};
