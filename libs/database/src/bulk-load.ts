import { Kysely, sql } from 'kysely';
import { databaseKind } from './database';

/**
 * Runs `work` — the first catch-up of a fresh generation — with SQLite's journal in memory and no sync, then
 * puts the file back in WAL with synchronous=NORMAL, as `createDatabase` opens it, before anyone else reads it.
 *
 * Why it is safe: a generation being built has one writer and no reader until it is promoted; a crash while it is
 * built abandons it (the live generation stays current and the next rebuild starts a new file), so what a journal
 * and fsyncs would protect — the file surviving a crash mid-build — is never used. What it saves: every commit of a
 * rebuild wrote its pages twice (WAL, then checkpoint) and synced at each checkpoint; measured on the 200k bench
 * store, the commits were 13 % of a rebuild.
 *
 * PostgreSQL: nothing to change on the connection (its generation is a schema of a live database); the projection
 * engine relaxes its own commits there (`ProjectionEngine.bulkLoad`).
 */
export async function whileBulkLoading<T>(db: Kysely<any>, work: () => Promise<T>): Promise<T> {
  if (databaseKind(db) !== 'sqlite') return work();
  await sql`pragma journal_mode = memory`.execute(db);
  await sql`pragma synchronous = off`.execute(db);
  try {
    return await work();
  } finally {
    await sql`pragma journal_mode = wal`.execute(db);
    await sql`pragma synchronous = normal`.execute(db);
  }
}
