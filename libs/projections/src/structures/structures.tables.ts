import type { Kysely } from 'kysely';
import { STRUCTURE_COUNTERS, withCounters, type StructureCounters } from '../figures/counters';
import { historyMigration } from '../schema/history-migration';

export type StructureTable = {
  structure_id: string;
  name: string | null;
  kind: string | null;
  commune_code: string | null;
  commune: string | null;
  department: string | null;
  region: string | null;
  siret: string | null;
  /** from structures/002-epci */
  epci: string | null;
} & StructureCounters;

export interface StructuresTables {
  structures: StructureTable;
}

export const structuresMigrations = {
  'structures/001-structures': {
    async up(db: Kysely<any>) {
      await withCounters(
        db.schema
          .createTable('structures')
          .addColumn('structure_id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text')
          .addColumn('kind', 'text')
          .addColumn('commune_code', 'text')
          .addColumn('commune', 'text')
          .addColumn('department', 'text')
          .addColumn('region', 'text')
          .addColumn('siret', 'text'),
        STRUCTURE_COUNTERS,
      ).execute();
      await db.schema.createIndex('structures_region').on('structures').columns(['region']).execute();
      await db.schema.createIndex('structures_department').on('structures').columns(['department']).execute();
      await db.schema.createIndex('structures_commune').on('structures').columns(['commune']).execute();
    },
  },
  // the EPCI of the commune, derived from history: a generation built before it is rebuilt
  'structures/002-epci': historyMigration(async (db: Kysely<any>) => {
    await db.schema.alterTable('structures').addColumn('epci', 'text').execute();
    await db.schema.createIndex('structures_epci').on('structures').columns(['epci']).execute();
  }),
};
