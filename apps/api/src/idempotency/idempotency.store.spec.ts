import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { ABANDONED_AFTER_MS, KyselyIdempotencyStore } from './idempotency.store';

const HOUR = 3_600_000;

async function openStore(ttlMs = 24 * HOUR) {
  const file = join(mkdtempSync(join(tmpdir(), 'cafeia-idem-')), 'api.db');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
  return { store: await KyselyIdempotencyStore.open(db, { ttlMs }), db };
}

describe('the idempotency store', () => {
  it('reserves a key once: a second request with the same body waits, with another body is refused', async () => {
    const { store } = await openStore();
    expect(await store.reserve('k', 'h1', 0)).toEqual({ outcome: 'reserved' });
    expect(await store.reserve('k', 'h1', 10)).toMatchObject({ outcome: 'in_progress' });
    expect(await store.reserve('k', 'h2', 10)).toEqual({ outcome: 'mismatch' });
    await store.complete('k', { status: 201, body: '{"id":"x"}' }, []);
    expect(await store.reserve('k', 'h1', 20)).toEqual({ outcome: 'replay', response: { requestHash: 'h1', status: 201, body: '{"id":"x"}' } });
    expect(await store.reserve('k', 'h2', 20)).toEqual({ outcome: 'mismatch' });
  });

  it('lets a retry run again after the first request failed, or died without finishing', async () => {
    const { store } = await openStore();
    await store.reserve('failed', 'h', 0);
    await store.release('failed');
    expect(await store.reserve('failed', 'h', 1)).toEqual({ outcome: 'reserved' });
    await store.reserve('died', 'h', 0);
    expect(await store.reserve('died', 'h', ABANDONED_AFTER_MS - 1)).toMatchObject({ outcome: 'in_progress' });
    expect(await store.reserve('died', 'h', ABANDONED_AFTER_MS)).toEqual({ outcome: 'reserved' });
  });

  it('forgets answers after their time to live, and purges them', async () => {
    const { store, db } = await openStore(HOUR);
    await store.reserve('old', 'h', 0);
    await store.complete('old', { status: 200, body: '{}' }, ['p1']);
    expect(await store.reserve('old', 'other', HOUR)).toEqual({ outcome: 'reserved' });
    await store.complete('old', { status: 200, body: '{}' }, []);
    await store.reserve('older', 'h', 0);
    await store.complete('older', { status: 200, body: '{}' }, ['p2']);
    expect(await store.purgeExpired(HOUR + 1)).toBe(1);
    expect((await db.selectFrom('idempotency_subjects').selectAll().execute()).length).toBe(0);
  });

  it('purges every answer that names an erased person', async () => {
    const { store } = await openStore();
    await store.reserve('a', 'h', 0);
    await store.complete('a', { status: 200, body: '{"participantIds":["p1","p2"]}' }, ['p1', 'p2']);
    await store.reserve('b', 'h', 0);
    await store.complete('b', { status: 200, body: '{"participantId":"p3"}' }, ['p3']);
    expect(await store.purgeParticipant('p2')).toBe(1);
    expect(await store.reserve('a', 'h', 1)).toEqual({ outcome: 'reserved' });
    expect(await store.reserve('b', 'h', 1)).toMatchObject({ outcome: 'replay' });
  });
});
