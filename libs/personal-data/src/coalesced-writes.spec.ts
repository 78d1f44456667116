import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CoalescedWrites } from './coalesced-writes';

interface Db {
  t: { k: string; v: number };
}

describe('writes committed together', () => {
  let raw: BetterSqlite3.Database;
  let db: Kysely<Db>;
  let commits: number;

  beforeEach(async () => {
    raw = new BetterSqlite3(':memory:');
    db = new Kysely<Db>({ dialect: new SqliteDialect({ database: raw }) });
    await db.schema.createTable('t').addColumn('k', 'text', (c) => c.primaryKey()).addColumn('v', 'integer', (c) => c.notNull()).execute();
    commits = 0;
    // every commit (implicit or explicit) of the connection: a statement outside a transaction is one
    const exec = raw.prepare.bind(raw);
    raw.prepare = ((source: string) => {
      const statement = exec(source);
      if (/^commit/i.test(source) || (!raw.inTransaction && !/^begin/i.test(source))) commits++;
      return statement;
    }) as typeof raw.prepare;
  });
  afterEach(() => db.destroy());

  it('a thousand writes made side by side share one commit, and each caller gets its own result', async () => {
    const writes = new CoalescedWrites(db);
    commits = 0;
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => writes.run(async (d) => (await d.insertInto('t').values({ k: `k${i}`, v: i }).executeTakeFirst()).numInsertedOrUpdatedRows && i)),
    );
    expect(results).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect((await db.selectFrom('t').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).toBe(1000);
    expect(commits).toBeLessThanOrEqual(3);
  });

  it('one failing write fails only its caller: the others are committed', async () => {
    const writes = new CoalescedWrites(db);
    await db.insertInto('t').values({ k: 'taken', v: 0 }).execute();
    const outcomes = await Promise.allSettled(['a', 'taken', 'b'].map((k) => writes.run((d) => d.insertInto('t').values({ k, v: 1 }).execute())));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await db.selectFrom('t').select('k').orderBy('k').execute()).map((r) => r.k)).toEqual(['a', 'b', 'taken']);
  });

  it('writes queued while a batch commits form the next batch, in order', async () => {
    const writes = new CoalescedWrites(db);
    const first = writes.run((d) => d.insertInto('t').values({ k: 'first', v: 1 }).execute());
    await new Promise((resolve) => setImmediate(resolve));
    const second = writes.run((d) => d.updateTable('t').set({ v: 2 }).where('k', '=', 'first').execute());
    await Promise.all([first, second]);
    expect((await db.selectFrom('t').select('v').where('k', '=', 'first').executeTakeFirstOrThrow()).v).toBe(2);
  });
});
