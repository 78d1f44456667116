import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { DatabaseConfig, DatabaseKind, createDatabase } from '../database';
import { GenerationCatalog, PostgresGenerationCatalog, SqliteGenerationCatalog } from '../generations';

/** What a suite gets for each dialect: fresh, isolated, empty databases that are cleaned up after the suite. */
export interface DialectUnderTest {
  readonly kind: DatabaseKind;
  /** a new empty database (SQLite: a new file; PostgreSQL: a new schema) with its config and schema name */
  fresh<DB = any>(): Promise<{ db: Kysely<DB>; config: DatabaseConfig; schema?: string }>;
  /** a new generation catalog of its own (its generations and pointer are removed after the suite) */
  catalog(): GenerationCatalog;
}

const SKIP_POSTGRES = 'CAFEIA_SKIP_POSTGRES';

/**
 * Runs the same suite on SQLite and on PostgreSQL (`DATABASE_URL`). Without DATABASE_URL the PostgreSQL
 * half FAILS (a read model that only works on SQLite is a bug we want to see), unless CAFEIA_SKIP_POSTGRES=1.
 */
export function describeOnBothDialects(title: string, suite: (dialect: DialectUnderTest) => void): void {
  describe(`${title} [sqlite]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'cafeia-rm-'));
    const opened: Kysely<any>[] = [];
    let n = 0;
    afterAll(async () => {
      await Promise.all(opened.map((db) => db.destroy()));
      rmSync(dir, { recursive: true, force: true });
    });
    suite({
      kind: 'sqlite',
      async fresh<DB>() {
        const config: DatabaseConfig = { kind: 'sqlite', file: join(dir, `db-${n++}.sqlite`) };
        const db = createDatabase<DB>(config);
        opened.push(db);
        return { db, config };
      },
      catalog() {
        return new SqliteGenerationCatalog(join(dir, `catalog-${n++}`));
      },
    });
  });

  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    if (process.env[SKIP_POSTGRES] === '1') return;
    describe(`${title} [postgres]`, () => {
      it('needs a PostgreSQL: set DATABASE_URL (scripts/infra/postgres.sh start) or CAFEIA_SKIP_POSTGRES=1', () => {
        throw new Error(`DATABASE_URL is not set: the read side must be tested on PostgreSQL too (or set ${SKIP_POSTGRES}=1)`);
      });
    });
    return;
  }

  describe(`${title} [postgres]`, () => {
    let url = baseUrl;
    beforeAll(async () => {
      url = await workerDatabase(baseUrl);
    });
    const opened: Kysely<any>[] = [];
    const schemas: string[] = [];
    const prefix = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    let n = 0;
    const catalogs: PostgresGenerationCatalog[] = [];
    afterAll(async () => {
      await Promise.all(opened.map((db) => db.destroy()));
      await Promise.all(catalogs.map((c) => c.close()));
      const admin = createDatabase({ kind: 'postgres', url, poolSize: 1 });
      try {
        for (const schema of schemas) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
        const { rows } = await sql<{ nspname: string }>`select nspname from pg_namespace where nspname like ${`${prefix}%`}`.execute(admin);
        for (const { nspname } of rows) await sql`drop schema if exists ${sql.id(nspname)} cascade`.execute(admin);
        if (catalogs.length) await sql`delete from cafeia_read_model_generation where prefix like ${`${prefix}%`}`.execute(admin);
      } finally {
        await admin.destroy();
      }
    });
    suite({
      kind: 'postgres',
      async fresh<DB>() {
        const schema = `${prefix}_${n++}`;
        schemas.push(schema);
        // small pools: a property test opens a fresh schema per run, and every pool stays open until afterAll
        const config: DatabaseConfig = { kind: 'postgres', url, schema, poolSize: 2 };
        const db = createDatabase<DB>(config);
        opened.push(db);
        await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
        return { db, config, schema };
      },
      catalog() {
        const catalog = new PostgresGenerationCatalog(url, `${prefix}_c${n++}`);
        catalogs.push(catalog);
        return catalog;
      },
    });
  });
}

let workerDatabaseUrl: Promise<string> | null = null;

/**
 * One database per jest worker process. Suites of one worker run one after the other, but two workers run at
 * once, and Kysely's migrator introspects every schema of its database: a schema another worker drops meanwhile
 * makes that introspection fail. A database of its own keeps each worker out of the others' way.
 */
function workerDatabase(base: string): Promise<string> {
  workerDatabaseUrl ??= (async () => {
    const name = `cafeia_test_w${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}`;
    const admin = createDatabase({ kind: 'postgres', url: base, poolSize: 1 });
    try {
      await sql`create database ${sql.id(name)}`.execute(admin);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // already there: created by an earlier suite
    } finally {
      await admin.destroy();
    }
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  })();
  return workerDatabaseUrl;
}
