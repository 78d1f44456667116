import { sql } from 'kysely';
import { describeOnBothDialects } from './testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, databaseKind } from './database';
import { runMigrations, type Migrations } from './migrations';

const migrations: Migrations = {
  '001-counters': {
    async up(db) {
      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '002-counters-label': {
    async up(db) {
      await db.schema.alterTable('counters').addColumn('label', 'text').execute();
    },
  },
};

describeOnBothDialects('read-model database', (dialect) => {
  it('runs each versioned migration once, in order', async () => {
    const { db, schema } = await dialect.fresh();
    expect(await runMigrations(db, migrations, { schema })).toEqual(['001-counters', '002-counters-label']);
    expect(await runMigrations(db, migrations, { schema })).toEqual([]);
    await db.insertInto('counters').values({ name: 'a', value: 2 ** 40, label: 'big' }).execute();
    // bigint and count(*) come back as numbers on both dialects
    expect(await db.selectFrom('counters').selectAll().execute()).toEqual([{ name: 'a', value: 2 ** 40, label: 'big' }]);
    const { n } = await db.selectFrom('counters').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(n).toBe(1);
  });

  it('knows its dialect, also inside a transaction', async () => {
    const { db } = await dialect.fresh();
    expect(databaseKind(db)).toBe(dialect.kind);
    await db.transaction().execute(async (trx) => expect(databaseKind(trx)).toBe(dialect.kind));
  });

  it('keeps two databases apart (a rebuild builds beside the live tables)', async () => {
    const live = await dialect.fresh();
    const next = await dialect.fresh();
    await runMigrations(live.db, migrations, { schema: live.schema });
    await runMigrations(next.db, migrations, { schema: next.schema });
    await live.db.insertInto('counters').values({ name: 'live', value: 1 }).execute();
    expect(await next.db.selectFrom('counters').selectAll().execute()).toEqual([]);
  });

  it('promotes one generation at a time and drops the retired ones', async () => {
    const catalog = dialect.catalog();
    expect(await catalog.current()).toBeNull();
    const first = catalog.newGeneration();
    const second = catalog.newGeneration();
    expect(second).not.toBe(first);
    for (const generation of [first, second]) {
      const db = catalog.open(generation);
      await runMigrations(db, migrations, { schema: catalog.schemaOf(generation) });
      await db.insertInto('counters').values({ name: generation, value: 1 }).execute();
      await db.destroy();
    }
    await catalog.promote(first);
    expect(await catalog.current()).toBe(first);
    await catalog.promote(second);
    expect(await catalog.current()).toBe(second);
    await catalog.drop(first);
    const reopened = catalog.open(first);
    try {
      // dropped: a fresh, empty database (no counters table) is all that is left under that name
      // (matched on the message: better-sqlite3's error class may come from another test file's realm)
      await expect(reopened.selectFrom('counters').selectAll().execute()).rejects.toMatchObject({ message: expect.stringMatching(/counters/) });
    } finally {
      await reopened.destroy();
    }
    const kept = catalog.open(second);
    try {
      expect(await kept.selectFrom('counters').select('name').execute()).toEqual([{ name: second }]);
    } finally {
      await kept.destroy();
      await catalog.drop(second);
    }
  });
});

describe('sqlite read-model database', () => {
  it('uses WAL with synchronous=NORMAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cafeia-db-'));
    const db = createDatabase({ kind: 'sqlite', file: join(dir, 'read-models.sqlite') });
    try {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
      expect([journal.rows[0].journal_mode, sync.rows[0].synchronous]).toEqual(['wal', 1]);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
