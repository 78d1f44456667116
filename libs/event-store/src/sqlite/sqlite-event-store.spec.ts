import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyStreamChain } from '../chain-hash';
import { DuplicateEventIdError, NewEvent, StoredEvent, WrongExpectedVersionError } from '../event-store.port';
import { runEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { waitFor } from '@cafeia/testing';

const tempDirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cafeia-event-store-'));
  tempDirs.push(dir);
  return join(dir, 'events.sqlite');
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

runEventStoreContract('SQLite on a file', async () => new SqliteEventStore(tempFile()));
runEventStoreContract('SQLite in memory', async () => new SqliteEventStore(':memory:'));

describe('SqliteEventStore', () => {
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = (options?: { pollIntervalMs?: number }) => {
    const store = new SqliteEventStore(file, options);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    file = tempFile();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('numbers the global log 1..n without gaps, even across refused appends', async () => {
    const store = open();
    const streams = ['cafe-a', 'cafe-b', 'cafe-c'];
    for (let i = 0; i < 30; i++) {
      await store.append(streams[i % 3], [event('A', { i })], 'any');
      // refused appends must not burn positions
      await expect(store.append(streams[i % 3], [event('B', { i })], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);
    }
    await store.append('cafe-d', [event('A', {}), event('B', {}), event('C', {})], 'no_stream');

    const log = await store.readAll();
    expect(log.map((e) => e.position)).toEqual(Array.from({ length: 33 }, (_, i) => String(i + 1)));
    expect(await store.headPosition()).toBe('33');
  });

  it('answers an empty store with an empty log and no head', async () => {
    const store = open();
    expect(await store.readAll()).toEqual([]);
    expect(await store.headPosition()).toBeNull();
  });

  it('keeps the events when the file is reopened', async () => {
    const first = open();
    await first.append('cafe-a', [event('A', { n: 1 })], 'no_stream');
    await first.close();

    const second = open();
    await second.append('cafe-a', [event('B', { n: 2 })], 0);
    const stream = await second.readStream('cafe-a');
    expect(stream.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(verifyStreamChain(stream).ok).toBe(true);
  });

  it('uses WAL on a file', () => {
    open();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('wakes a subscription of the same instance on append, without waiting for the poll', async () => {
    const store = open({ pollIntervalMs: 60_000 });
    const delivered: StoredEvent[] = [];
    const subscription = store.subscribeAll(async (batch) => void delivered.push(...batch));
    // once A is handed over the subscription is live, waiting for a minute-long poll: only the wake-up can bring B
    await store.append('cafe-a', [event('A', {})], 'no_stream');
    await waitFor('the first event', () => delivered.length === 1, 2_000);
    await store.append('cafe-a', [event('B', {})], 0);
    await waitFor('the second event, without a poll', () => delivered.length === 2, 2_000);
    await subscription.close();

    expect(delivered.map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('closing the store ends its subscriptions cleanly', async () => {
    const store = open();
    const subscription = store.subscribeAll(async () => undefined);
    await store.close();
    await expect(subscription.done).resolves.toBeUndefined();
  });

  describe('duplicate event ids', () => {
    it('refuses an event id already stored in another stream, writing nothing of that append', async () => {
      const store = open();
      const original = event('A', {});
      await store.append('cafe-a', [original], 'no_stream');

      const error = await store.append('cafe-b', [event('B', {}), { ...original }], 'no_stream').catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ streamId: 'cafe-b', eventId: original.eventId });
      expect(await store.readStream('cafe-b')).toEqual([]);
      expect(await store.readAll()).toHaveLength(1);
    });

    it('refuses the same id twice in one append', async () => {
      const store = open();
      const twice = event('A', {});
      await expect(store.append('cafe-a', [twice, { ...twice }], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readAll()).toEqual([]);
    });
  });

  describe('appendMany', () => {
    it('writes several streams in one transaction, each with its expected version', async () => {
      const store = open();
      await store.append('cafe-a', [event('A', {})], 'no_stream');

      const results = await store.appendMany([
        { streamId: 'cafe-a', events: [event('B', {})], expectedVersion: 0 },
        { streamId: 'cafe-b', events: [event('A', {}), event('B', {})], expectedVersion: 'no_stream' },
        { streamId: 'cafe-a', events: [event('C', {})], expectedVersion: 1 },
      ]);

      expect(results).toEqual([
        { nextExpectedVersion: 1, position: '2' },
        { nextExpectedVersion: 1, position: '4' },
        { nextExpectedVersion: 2, position: '5' },
      ]);
      const a = await store.readStream('cafe-a');
      expect(a.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      expect(verifyStreamChain(await store.readAll())).toEqual({ ok: true, eventsChecked: 5, streamsChecked: 2 });
    });

    it('writes nothing when one entry of the batch is refused', async () => {
      const store = open();
      const error = await store
        .appendMany([
          { streamId: 'cafe-a', events: [event('A', {})], expectedVersion: 'no_stream' },
          { streamId: 'cafe-b', events: [event('A', {})], expectedVersion: 3 },
        ])
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ name: 'WrongExpectedVersionError', streamId: 'cafe-b', actual: -1 });
      expect(await store.readAll()).toEqual([]);
    });
  });

  describe('two connections on one file (as two processes would have)', () => {
    it('still gives exactly one winner per expected version', async () => {
      const a = open();
      const b = open();
      await a.append('cafe-x', [event('Created', {})], 'no_stream');

      const outcomes = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).append('cafe-x', [event('Raced', { i })], 0)),
      );

      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof WrongExpectedVersionError)).toHaveLength(39);
      expect(await b.readStream('cafe-x')).toHaveLength(2);
    });

    it('lets writers on both connections retry until every event lands, chain intact', async () => {
      const a = open();
      const b = open();
      const writers = Array.from({ length: 30 }, (_, i) => ({ store: i % 2 === 0 ? a : b, event: event('Counted', { i }) }));

      await Promise.all(
        writers.map(async ({ store, event: e }) => {
          for (;;) {
            const current = await store.readStream('cafe-y');
            try {
              await store.append('cafe-y', [e], current.length === 0 ? 'no_stream' : current.length - 1);
              return;
            } catch (error) {
              if (!(error instanceof WrongExpectedVersionError)) throw error;
              await new Promise((resolve) => setImmediate(resolve));
            }
          }
        }),
      );

      const stream = await a.readStream('cafe-y');
      expect(stream).toHaveLength(30);
      expect(verifyStreamChain(stream).ok).toBe(true);
    });

    it("delivers to a subscription on one connection what the other appends (polling, no notification)", async () => {
      const a = open();
      const b = open({ pollIntervalMs: 20 });
      await a.append('cafe-z', [event('Before', {})], 'no_stream');
      const delivered: StoredEvent[] = [];
      const subscription = b.subscribeAll(async (batch) => void delivered.push(...batch));

      for (let i = 1; i <= 10; i++) await a.append('cafe-z', [event('After', { i })], i - 1);
      await waitFor('the eleven events', () => delivered.length === 11);
      await subscription.close();

      expect(delivered.map((e) => e.position)).toEqual(Array.from({ length: 11 }, (_, i) => String(i + 1)));
      expect(delivered).toEqual(await a.readAll());
    });
  });

  describe('audit', () => {
    it("names the event whose data column was edited with plain SQL", async () => {
      const store = open();
      await store.append('funding-f1', [event('FundingGranted', { amount: 1000 })], 'no_stream');
      const target = event('FundingStructureAdded', { structureId: 's1' });
      await store.append('funding-f1', [target, event('FundingStructureAdded', { structureId: 's2' })], 0);
      expect(verifyStreamChain(await store.readStream('funding-f1')).ok).toBe(true);

      const raw = new Database(file);
      try {
        const changed = raw.prepare('UPDATE events SET data = ? WHERE event_id = ?').run('{"structureId":"s9"}', target.eventId);
        expect(changed.changes).toBe(1);
      } finally {
        raw.close();
      }

      const tampered = await store.readStream('funding-f1');
      expect(tampered[1].data).toEqual({ structureId: 's9' });
      expect(verifyStreamChain(tampered)).toEqual({
        ok: false,
        eventsChecked: 2,
        streamsChecked: 1,
        firstMismatch: { eventId: target.eventId, streamId: 'funding-f1', streamVersion: 1, position: '2', reason: 'chain_hash_mismatch' },
      });
    });
  });

  it('refuses reads and writes once closed', async () => {
    const store = open();
    await store.close();
    await expect(store.append('cafe-a', [event('A', {})], 'any')).rejects.toThrow('closed');
    await expect(store.readAll()).rejects.toThrow('closed');
  });
});

function event(type: string, data: Record<string, unknown>): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: { correlationId: randomUUID(), causationId: null, actor: { sub: 'test', role: 'council' }, recordedAt: '2026-01-15T10:00:00+01:00' },
  };
}
