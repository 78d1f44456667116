import type { Kysely } from 'kysely';

export interface FunderTable {
  funder_id: string;
  name: string;
  kind: string;
}

export interface FundingTable {
  funding_id: string;
  funder_id: string;
  from_date: string;
  to_date: string;
  amount_euros: number | null;
  target_people: number | null;
  target_cafes: number | null;
}

export interface FundingStructureTable {
  funding_id: string;
  structure_id: string;
}

export interface FundingsTables {
  funders: FunderTable;
  fundings: FundingTable;
  funding_structures: FundingStructureTable;
}

export const fundingsMigrations = {
  'fundings/001-funders-and-fundings': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('funders')
        .addColumn('funder_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('fundings')
        .addColumn('funding_id', 'text', (c) => c.primaryKey())
        .addColumn('funder_id', 'text', (c) => c.notNull())
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text', (c) => c.notNull())
        .addColumn('amount_euros', 'double precision')
        .addColumn('target_people', 'integer')
        .addColumn('target_cafes', 'integer')
        .execute();
      await db.schema
        .createTable('funding_structures')
        .addColumn('funding_id', 'text', (c) => c.notNull())
        .addColumn('structure_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('funding_structures_pk', ['funding_id', 'structure_id'])
        .execute();
    },
  },
};
