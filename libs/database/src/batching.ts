import { Kysely } from 'kysely';
import { databaseKind } from './database';

/**
 * Bound parameters per statement: SQLite (≥ 3.32) allows 32,766, PostgreSQL 65,535. Multi-row statements
 * stay a little under, so a batch of thousands of rows is a handful of round trips, never one per row.
 */
export function maxParameters(db: Kysely<any>): number {
  return databaseKind(db) === 'sqlite' ? 32_000 : 60_000;
}

/**
 * Rows per multi-row statement: on SQLite a few hundred, so that the statements' texts repeat and stay prepared
 * (see `chunkRows`); on PostgreSQL thousands, since each statement is a round trip and pg prepares nothing.
 */
export function maxRowsPerStatement(db: Kysely<any>): number {
  return databaseKind(db) === 'sqlite' ? 256 : 5_000;
}

/**
 * Splits rows so that rows × columns stays under the dialect's parameter limit, into chunks of few distinct
 * sizes: full chunks of the largest size, then the rest in powers of two (1,000 rows at 256 a chunk: 256, 256,
 * 256, 128, 64, 32, 8). A multi-row statement's text depends on its row count, and the statement cache reuses a
 * prepared statement only for the same text: with these sizes a table's upserts are a dozen statements prepared
 * once, instead of a new one for nearly every batch (preparing cost 6 % of a rebuild).
 */
export function chunkRows<T>(rows: T[], columns: number, limit: number, maxRows = 256): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(limit / Math.max(1, columns))));
  const chunks: T[][] = [];
  let i = 0;
  for (; i + size <= rows.length; i += size) chunks.push(rows.slice(i, i + size));
  for (let piece = highestPowerOfTwo(rows.length - i); i < rows.length; piece >>= 1) {
    if (i + piece <= rows.length) {
      chunks.push(rows.slice(i, i + piece));
      i += piece;
    }
  }
  return chunks;
}

function highestPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}
