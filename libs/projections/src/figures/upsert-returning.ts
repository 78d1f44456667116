import { CompiledQuery, type Kysely } from 'kysely';
import { chunkRows, databaseKind, maxParameters, maxRowsPerStatement } from '@cafeia/database';

type Value = string | number | null;

/**
 * Adds counter deltas (`INSERT … ON CONFLICT DO UPDATE SET c = c + excluded.c`) and returns each row's value
 * after the change: with the delta added, the value before is known without reading it first. The row lock the
 * upsert takes makes that pair exact even when several writers add to the same row at once (PostgreSQL).
 */
export async function addReturning<Row>(
  db: Kysely<any>,
  upsert: { table: string; keys: readonly string[]; counter: string; rows: Value[][] },
): Promise<Row[]> {
  const { table, keys, counter, rows } = upsert;
  if (rows.length === 0) return [];
  const postgres = databaseKind(db) === 'postgres';
  const columns = [...keys, counter];
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const tail = ` on conflict (${keys.join(', ')}) do update set ${counter} = ${table}.${counter} + excluded.${counter} returning ${columns.join(', ')}`;
  const out: Row[] = [];
  for (const chunk of chunkRows(rows, columns.length, maxParameters(db), maxRowsPerStatement(db))) {
    const parameters: Value[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => (parameters.push(value), postgres ? `$${parameters.length}` : '?')).join(', ')})`);
    const result = await db.executeQuery<Row>(CompiledQuery.raw(head + tuples.join(', ') + tail, parameters));
    for (const row of result.rows) out.push(row);
  }
  return out;
}
