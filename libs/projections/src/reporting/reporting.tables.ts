import type { Kysely } from 'kysely';
import { withCounters } from '../figures/counters';
import { historyMigration } from '../schema/history-migration';
import { REPORTING_COUNTERS, type ReportingCounters } from './reporting';

/** per territory key and café start instant: cafés not cancelled, reported, reported on time */
export type ReportingByStartTable = { territory_key: string; starts_at_ms: number } & ReportingCounters;

export interface ReportingTables {
  reporting_by_start: ReportingByStartTable;
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
};
