import type { Kysely } from 'kysely';

export interface TerritoryTargetTable {
  territory_key: string;
  people: number;
  set_at: string;
}

export interface TargetsTables {
  territory_targets: TerritoryTargetTable;
}

export const targetsMigrations = {
  'targets/001-territory-targets': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('territory_targets')
        .addColumn('territory_key', 'text', (c) => c.primaryKey())
        .addColumn('people', 'bigint', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
