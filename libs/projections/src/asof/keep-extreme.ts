import { CompiledQuery, type Kysely } from 'kysely';
import { chunkRows, databaseKind, maxParameters, maxRowsPerStatement } from '@cafeia/database';

/**
 * Multi-row upsert keeping the larger (or smaller) of the stored and the new value: a day's last position, a
 * territory's first active day. Order-free, so concurrent writers and replays cannot move it backwards. Table and
 * column names are this folder's constants; values are bound parameters.
 */
export async function keepExtreme(db: Kysely<any>, table: string, key: string, value: string, rows: [string | number, string | number][], keep: 'max' | 'min'): Promise<void> {
  if (rows.length === 0) return;
  const postgres = databaseKind(db) === 'postgres';
  const better = keep === 'max' ? '>' : '<';
  for (const chunk of chunkRows(rows, 2, maxParameters(db), maxRowsPerStatement(db))) {
    let i = 0;
    const p = () => (postgres ? `$${++i}` : '?');
    const tuples = chunk.map(() => `(${p()}, ${p()})`).join(', ');
    await db.executeQuery(
      CompiledQuery.raw(
        `insert into ${table} (${key}, ${value}) values ${tuples} on conflict (${key}) do update set ${value} = ` +
          `case when excluded.${value} ${better} ${table}.${value} then excluded.${value} else ${table}.${value} end`,
        chunk.flat(),
      ),
    );
  }
}
