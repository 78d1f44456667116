import { CompiledQuery, Kysely } from 'kysely';
import { chunkRows, databaseKind, maxParameters, maxRowsPerStatement } from '@cafeia/database';

type Value = string | number | null;

export interface BulkUpsert {
  table: string;
  columns: readonly string[];
  keys: readonly string[];
  rows: Value[][];
  /**
   * - 'set': a conflicting row takes the new values (rows the batch read, folded and now writes back);
   * - 'add': a conflicting row adds the new values to its own (counter deltas: no read needed);
   * - 'ignore': a conflicting row stays as it is (facts that never change).
   */
  onConflict: 'set' | 'add' | 'ignore';
}

/**
 * Multi-row `INSERT … ON CONFLICT` built as plain SQL: one statement per few thousand rows instead of
 * one per row, and no per-value query-builder nodes (the hot path of a rebuild). Table and column names
 * are constants of this library, never input; values are always bound parameters.
 */
export async function bulkUpsert(db: Kysely<any>, upsert: BulkUpsert): Promise<void> {
  const { table, columns, keys, rows, onConflict } = upsert;
  if (rows.length === 0) return;
  const postgres = databaseKind(db) === 'postgres';
  const others = columns.filter((c) => !keys.includes(c));
  const action =
    onConflict === 'ignore' || others.length === 0
      ? 'do nothing'
      : `do update set ${others
          .map((c) => (onConflict === 'add' ? `${c} = ${table}.${c} + excluded.${c}` : `${c} = excluded.${c}`))
          .join(', ')}`;
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const tail = ` on conflict (${keys.join(', ')}) ${action}`;
  for (const chunk of chunkRows(rows, columns.length, maxParameters(db), maxRowsPerStatement(db))) {
    const parameters: Value[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const placeholders: string[] = [];
      for (const value of row) {
        parameters.push(value);
        placeholders.push(postgres ? `$${parameters.length}` : '?');
      }
      tuples.push(`(${placeholders.join(', ')})`);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', ') + tail, parameters));
  }
}

/** Selects rows whose `column` is one of `ids`, in chunks (optionally locking them, PostgreSQL only). */
export async function selectByIds<Row>(
  db: Kysely<any>,
  table: string,
  column: string,
  ids: readonly string[],
  options: { columns?: string; lock?: boolean } = {},
): Promise<Row[]> {
  if (ids.length === 0) return [];
  const postgres = databaseKind(db) === 'postgres';
  const lock = postgres && options.lock ? ` order by ${column} for update` : '';
  const out: Row[] = [];
  for (const chunk of chunkRows([...ids], 1, maxParameters(db), 4 * maxRowsPerStatement(db))) {
    const placeholders = chunk.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
    const sqlText = `select ${options.columns ?? '*'} from ${table} where ${column} in (${placeholders})${lock}`;
    const result = await db.executeQuery<Row>(CompiledQuery.raw(sqlText, chunk));
    for (const row of result.rows) out.push(row);
  }
  return out;
}
