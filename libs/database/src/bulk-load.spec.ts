import { sql, type Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { whileBulkLoading } from './bulk-load';
import { createDatabase } from './database';

const modes = async (db: Kysely<any>) => {
  const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
  const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  return [journal.rows[0].journal_mode, sync.rows[0].synchronous];
};

describe('a bulk load of a fresh SQLite generation', () => {
  let dir: string;
  let db: Kysely<any>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulk-load-'));
    db = createDatabase({ kind: 'sqlite', file: join(dir, 'gen.sqlite') });
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes without journal on disk or sync, then leaves the file in WAL with synchronous=NORMAL and its rows', async () => {
    await sql`create table t (id integer primary key)`.execute(db);
    const during = await whileBulkLoading(db, async () => {
      await db.transaction().execute((trx) => sql`insert into t values (1), (2)`.execute(trx));
      return modes(db);
    });
    expect(during).toEqual(['memory', 0]);
    expect(await modes(db)).toEqual(['wal', 1]);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0].n).toBe(2);
  });

  it('puts WAL back when the load fails', async () => {
    await expect(whileBulkLoading(db, async () => { throw new Error('broken batch'); })).rejects.toThrow('broken batch');
    expect(await modes(db)).toEqual(['wal', 1]);
  });
});
