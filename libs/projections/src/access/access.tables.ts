import type { Kysely } from 'kysely';

/** who may sign in with OpenID Connect, by keyed hash of their email; never the email itself */
export interface AccessGrantTable {
  grant_id: string;
  role: string;
  territory: string | null;
  funder_id: string | null;
  structure_ids: string | null;
  network_id: string | null;
  granted_at: string;
  revoked_at: string | null;
}

export interface AccessTables {
  access_grants: AccessGrantTable;
}

export const accessMigrations = {
  'access/001-grants': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('access_grants')
        .addColumn('grant_id', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('territory', 'text')
        .addColumn('funder_id', 'text')
        .addColumn('structure_ids', 'text')
        .addColumn('network_id', 'text')
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
    },
  },
};
