import type { Database, Statement } from 'better-sqlite3';

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running a small query.
 * This wraps a better-sqlite3 database so that the same SQL text reuses its prepared statement.
 * Safe because Kysely runs one query at a time on its single SQLite connection (it holds a mutex), and
 * the queries are never left half-iterated.
 */
export function withStatementCache(database: Database, capacity = 2_000): Database {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
