import type { Kysely } from 'kysely';
import { historyMigration } from '../schema/history-migration';

export interface AnimatorTable {
  animator_id: string;
  display_name: string;
  commune_code: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  structure_id: string | null;
  training_status: string;
  capable: number | null;
  training_updated_at: string | null;
  /** from animators/002-epci */
  epci: string | null;
}

export interface AnimatorsTables {
  animators: AnimatorTable;
}

export const animatorsMigrations = {
  'animators/001-animators': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('animators')
        .addColumn('animator_id', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('commune', 'text')
        .addColumn('department', 'text')
        .addColumn('region', 'text')
        .addColumn('structure_id', 'text')
        .addColumn('training_status', 'text', (c) => c.notNull())
        .addColumn('capable', 'integer')
        .addColumn('training_updated_at', 'text')
        .execute();
    },
  },
  // the EPCI of the commune, derived from history: a generation built before it is rebuilt
  'animators/002-epci': historyMigration(async (db: Kysely<any>) => {
    await db.schema.alterTable('animators').addColumn('epci', 'text').execute();
    await db.schema.createIndex('animators_epci').on('animators').columns(['epci']).execute();
    await db.schema.createIndex('animators_structure').on('animators').columns(['structure_id']).execute();
  }),
  // a department's or an EPCI's communes with an animator (territory dashboards): a range of an index, not a scan
  'animators/003-communes-by-territory': {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('animators_department_commune').on('animators').columns(['department', 'commune']).execute();
      await db.schema.createIndex('animators_epci_commune').on('animators').columns(['epci', 'commune']).execute();
    },
  },
};
