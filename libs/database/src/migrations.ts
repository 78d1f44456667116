import { Kysely, Migration, MigrationResult, Migrator, sql } from 'kysely';
import { assertSafeIdentifier, databaseKind } from './database';

export type { Migration };

/**
 * Versioned migrations, written once with Kysely's schema builder so they run on SQLite and PostgreSQL.
 * Names sort in the order they must run ("001-…", "002-…"); a migration that ran is never run again
 * (Kysely records it in `kysely_migration`, inside the current schema / file).
 */
export type Migrations = Record<string, Migration>;

export interface MigrationOptions {
  /** PostgreSQL: create this schema first (the one the connection's search_path points at) */
  schema?: string;
  /** run a migration that sorts before one already run (independent sets of tables numbered separately) */
  allowUnorderedMigrations?: boolean;
}

export async function runMigrations(db: Kysely<any>, migrations: Migrations, options: MigrationOptions = {}): Promise<string[]> {
  const schema = options.schema && databaseKind(db) === 'postgres' ? assertSafeIdentifier(options.schema) : undefined;
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: options.allowUnorderedMigrations ?? false,
    // keep the migration log inside the schema it describes, so each generation has its own
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = (results ?? []).find((r: MigrationResult) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
