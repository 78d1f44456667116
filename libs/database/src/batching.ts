import { Kysely } from 'kysely';
import { databaseKind } from './database';

/**
 * Bound parameters per statement: SQLite (≥ 3.32) allows 32,766, PostgreSQL 65,535. Multi-row statements
 * stay a little under, so a batch of thousands of rows is a handful of round trips, never one per row.
 */
export function maxParameters(db: Kysely<any>): number {
  return databaseKind(db) === 'sqlite' ? 32_000 : 60_000;
}

/** Splits rows so that rows × columns stays under the dialect's parameter limit. */
export function chunkRows<T>(rows: T[], columns: number, limit: number, maxRows = 5_000): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(limit / Math.max(1, columns))));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
