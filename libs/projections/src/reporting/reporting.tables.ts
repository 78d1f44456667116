import type { Kysely } from 'kysely';
import { withCounters } from '../figures/counters';
import { historyMigration } from '../schema/history-migration';
import { REPORTING_COUNTERS, type ReportingCounters } from './reporting';

/** per territory key and café start instant: cafés not cancelled, reported, reported on time */
export type ReportingByStartTable = { territory_key: string; starts_at_ms: number } & ReportingCounters;

/** the same counters summed per territory key and UTC day of the start (`day`: days since 1970-01-01): a due total
 * reads one row per day before the boundary's day, not one per café */
export type ReportingByDayTable = { territory_key: string; day: number } & ReportingCounters;

export interface ReportingTables {
  reporting_by_start: ReportingByStartTable;
  reporting_by_day: ReportingByDayTable;
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
};
