import type { Kysely } from 'kysely';
import { TERRITORY_COUNTERS, withCounters, type TerritoryCounters } from '../figures/counters';
import { REPORTING_COUNTERS, type ReportingCounters } from '../reporting/reporting';
import { historyMigration } from '../schema/history-migration';

/*
 * The figures' deltas a second time, keyed by the Paris day the events were recorded (`recorded_day`: days since
 * 1970-01-01): as of day D, a figure is the sum of its deltas recorded on or before D.
 */

/** the territory counters' deltas per territory and recorded day */
export type AsOfFiguresTable = { territory_key: string; recorded_day: number } & TerritoryCounters;

/** per territory, café start instant and recorded day: cafés not cancelled, reported, on time (scheduled and reporting as of a day) */
export type AsOfCafesByStartTable = { territory_key: string; starts_at_ms: number; recorded_day: number } & ReportingCounters;

/** national people reached (first people + anonymous) per café start instant and recorded day: the pace as of a day */
export interface AsOfReachByStartTable {
  starts_at_ms: number;
  recorded_day: number;
  people: number;
}

/** held cafés of a structure in a territory per recorded day: `structuresActive` as of a day */
export interface AsOfStructureTerritoryTable {
  territory_key: string;
  structure_id: string;
  recorded_day: number;
  cafes_held: number;
}

/** the highest position recorded each day: `asOf.position` */
export interface AsOfPositionTable {
  recorded_day: number;
  position_num: number | string;
}

/** the first day something (a café, an animator) was recorded in a territory: children "with activity" as of a day */
export interface AsOfActivityTable {
  territory_key: string;
  first_day: number;
}

/** the last target set each day */
export interface AsOfTargetTable {
  territory_key: string;
  recorded_day: number;
  people: number;
}

export interface AsOfTables {
  asof_figures: AsOfFiguresTable;
  asof_cafes_by_start: AsOfCafesByStartTable;
  asof_reach_by_start: AsOfReachByStartTable;
  asof_structure_territories: AsOfStructureTerritoryTable;
  asof_positions: AsOfPositionTable;
  asof_activity: AsOfActivityTable;
  asof_targets: AsOfTargetTable;
}

export const asOfMigrations = {
  'asof/001-figures-by-recorded-day': historyMigration(async (db: Kysely<any>) => {
    await withCounters(
      db.schema
        .createTable('asof_figures')
        .addColumn('territory_key', 'text', (c) => c.notNull())
        .addColumn('recorded_day', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('asof_figures_pk', ['territory_key', 'recorded_day']),
      TERRITORY_COUNTERS,
    ).execute();
    await withCounters(
      db.schema
        .createTable('asof_cafes_by_start')
        .addColumn('territory_key', 'text', (c) => c.notNull())
        .addColumn('starts_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('recorded_day', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('asof_cafes_by_start_pk', ['territory_key', 'starts_at_ms', 'recorded_day']),
      REPORTING_COUNTERS,
    ).execute();
    await withCounters(
      db.schema
        .createTable('asof_reach_by_start')
        .addColumn('starts_at_ms', 'bigint', (c) => c.notNull())
        .addColumn('recorded_day', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('asof_reach_by_start_pk', ['starts_at_ms', 'recorded_day']),
      ['people'],
    ).execute();
    await withCounters(
      db.schema
        .createTable('asof_structure_territories')
        .addColumn('territory_key', 'text', (c) => c.notNull())
        .addColumn('structure_id', 'text', (c) => c.notNull())
        .addColumn('recorded_day', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('asof_structure_territories_pk', ['territory_key', 'structure_id', 'recorded_day']),
      ['cafes_held'],
    ).execute();
    await db.schema.createTable('asof_positions').addColumn('recorded_day', 'integer', (c) => c.primaryKey()).addColumn('position_num', 'bigint', (c) => c.notNull()).execute();
    await db.schema.createTable('asof_activity').addColumn('territory_key', 'text', (c) => c.primaryKey()).addColumn('first_day', 'integer', (c) => c.notNull()).execute();
    await db.schema
      .createTable('asof_targets')
      .addColumn('territory_key', 'text', (c) => c.notNull())
      .addColumn('recorded_day', 'integer', (c) => c.notNull())
      .addColumn('people', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('asof_targets_pk', ['territory_key', 'recorded_day'])
      .execute();
  }),
};
