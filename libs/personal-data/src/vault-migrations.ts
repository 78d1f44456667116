import { Migrator, type Kysely, type Migration } from 'kysely';

/** Tables of the vault. Kept apart from read models and events: a different file or schema. */
export interface VaultDatabase {
  participant_keys: { participant_id: string; key: Buffer };
  contact_index: { contact_hash: string; participant_id: string };
  vault_secrets: { name: string; value: Buffer };
  pending_erasures: { participant_id: string; announced_at: string };
}

export type VaultDialect = 'sqlite' | 'postgres';

/** PostgreSQL keeps the vault in its own schema, so its privileges can differ from the read models'. */
export const POSTGRES_VAULT_SCHEMA = 'vault';

function migrations(dialect: VaultDialect): Record<string, Migration> {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const scoped = (db: Kysely<any>) => (dialect === 'postgres' ? db.withSchema(POSTGRES_VAULT_SCHEMA) : db);
  return {
    '001_keys_index_secrets': {
      async up(db) {
        if (dialect === 'postgres') await db.schema.createSchema(POSTGRES_VAULT_SCHEMA).ifNotExists().execute();
        const s = scoped(db).schema;
        await s
          .createTable('participant_keys')
          .addColumn('participant_id', 'text', (c) => c.primaryKey())
          .addColumn('key', bytes, (c) => c.notNull())
          .execute();
        await s
          .createTable('contact_index')
          .addColumn('contact_hash', 'text', (c) => c.primaryKey())
          .addColumn('participant_id', 'text', (c) => c.notNull())
          .execute();
        // destroyKey deletes a person's rows by participant
        await s.createIndex('contact_index_by_participant').on('contact_index').column('participant_id').execute();
        await s
          .createTable('vault_secrets')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', bytes, (c) => c.notNull())
          .execute();
      },
    },
    '002_pending_erasures': {
      async up(db) {
        await scoped(db)
          .schema.createTable('pending_erasures')
          .addColumn('participant_id', 'text', (c) => c.primaryKey())
          .addColumn('announced_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
}

/** Brings the vault's tables to the latest version; safe to run from several processes at once. */
export async function migrateVault(db: Kysely<any>, dialect: VaultDialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: 'vault_migration',
    migrationLockTableName: 'vault_migration_lock',
    ...(dialect === 'postgres' ? { migrationTableSchema: POSTGRES_VAULT_SCHEMA } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
}
