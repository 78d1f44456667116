import { ensurePrivateFile } from './private-files';
import BetterSqlite3 from 'better-sqlite3';
import { withStatementCache } from './statement-cache';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteAdapter, SqliteDialect } from 'kysely';
import { Pool, types as pgTypes } from 'pg';

/** Where read models live: an embedded SQLite file, or a PostgreSQL database (optionally one schema of it). */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

export type DatabaseKind = DatabaseConfig['kind'];

/** Which dialect a Kysely instance (or one of its transactions) speaks: SQL differs in a few places (locks, limits). */
export function databaseKind(db: Kysely<any>): DatabaseKind {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`databaseKind: unsupported dialect ${adapter.constructor.name}`);
}

/**
 * PostgreSQL answers int8 (count(*), sum(int)) and numeric (sum(bigint)) as strings to avoid precision loss;
 * every such value here is a count of people or cafés, far below 2^53, so numbers are what callers want.
 */
const pgTypeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return (pgTypes.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown)(oid, format);
  }) as typeof pgTypes.getTypeParser,
};

/** PostgreSQL identifiers we create ourselves (schema names): keep them to a safe alphabet. */
export function assertSafeIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return name;
}

/**
 * Opens a read-model database.
 * - SQLite: better-sqlite3 in WAL mode with synchronous=NORMAL (durable at checkpoints, fast commits).
 * - PostgreSQL: a pg Pool; with `schema`, every connection's search_path starts with it, so the same
 *   unqualified SQL reads and writes that schema (that is how a rebuild builds beside the live tables).
 *   The schema itself is created by `runMigrations`.
 */
export function createDatabase<DB = any>(config: DatabaseConfig): Kysely<DB> {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') ensurePrivateFile(config.file);
    const sqlite = new BetterSqlite3(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // a bigger page cache keeps the rows a batch touches in memory during a rebuild (64 MB, bounded)
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('busy_timeout = 5000');
    return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  }
  const pool = new Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    types: pgTypeParsers,
    ...(config.schema ? { options: `-c search_path=${assertSafeIdentifier(config.schema)}` } : {}),
  });
  // An idle client dropped by the server (restart, failover) is removed from the pool; without a listener
  // the 'error' event would crash the process. The next query opens a fresh connection.
  pool.on('error', () => undefined);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
