import type { Kysely } from 'kysely';
import { daySeriesMigrations, type DaySeriesTables } from './day-series.tables';
import { START_COUNTERS, TERRITORY_COUNTERS, withCounters, type StartCounters, type TerritoryCounters } from './counters';

/** `structures_active` was added by migration 002 (day-series.tables.ts) */
export type TerritoryFiguresTable = { territory_key: string; structures_active: number } & TerritoryCounters;

/** per territory and café start instant: the reach that instant added */
export type ReachByStartTable = { territory_key: string; starts_at_ms: number } & StartCounters;

export interface StructureTerritoryTable {
  territory_key: string;
  structure_id: string;
  cafes_held: number;
}

export interface FiguresTables extends DaySeriesTables {
  territory_figures: TerritoryFiguresTable;
  reach_by_start: ReachByStartTable;
  structure_territories: StructureTerritoryTable;
}

export const figuresMigrations = {
  'figures/001-territory-counters': {
    async up(db: Kysely<any>) {
      await withCounters(db.schema.createTable('territory_figures').addColumn('territory_key', 'text', (c) => c.primaryKey()), TERRITORY_COUNTERS).execute();
      await withCounters(
        db.schema
          .createTable('reach_by_start')
          .addColumn('territory_key', 'text', (c) => c.notNull())
          .addColumn('starts_at_ms', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('reach_by_start_pk', ['territory_key', 'starts_at_ms']),
        START_COUNTERS,
      ).execute();
      await withCounters(
        db.schema
          .createTable('structure_territories')
          .addColumn('territory_key', 'text', (c) => c.notNull())
          .addColumn('structure_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('structure_territories_pk', ['territory_key', 'structure_id']),
        ['cafes_held'],
      ).execute();
    },
  },
  ...daySeriesMigrations,
};
