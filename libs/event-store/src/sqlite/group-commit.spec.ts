import { randomUUID } from 'node:crypto';
import type { Decider } from '@cafeia/domain';
import { verifyStreamChain } from '../chain-hash';
import { handleCommand } from '../command-pipeline';
import { NewEvent, WrongExpectedVersionError } from '../event-store.port';
import { StreamLocks } from '../stream-locks';
import { SqliteEventStore } from './sqlite-event-store';

const metadata = { correlationId: 'c', causationId: null, actor: { sub: 'u', role: 'council' }, recordedAt: '2026-02-01T09:00:00Z' };
const event = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Counted', data: { n }, metadata });

describe('group commit in the SQLite store', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore(':memory:', { groupCommit: true });
  });
  afterEach(async () => {
    await store.close();
  });

  it('answers each of many concurrent appends with its own position, and fails only the one whose version is stale', async () => {
    await store.append('s-0', [event(0)], 'no_stream');
    const appends = Array.from({ length: 20 }, (_, i) => store.append(`s-${i + 1}`, [event(i), event(i + 100)], 'no_stream'));
    const stale = store.append('s-0', [event(-1)], 'no_stream');
    const results = await Promise.all(appends);
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(new Set(results.map((r) => r.position)).size).toBe(20);
    for (const [i, result] of results.entries()) {
      const stream = await store.readStream(`s-${i + 1}`);
      expect(stream.map((e) => e.data.n)).toEqual([i, i + 100]);
      expect(result).toEqual({ nextExpectedVersion: 1, position: stream[1].position, events: stream });
      expect(verifyStreamChain(stream).ok).toBe(true);
    }
    expect(await store.readStream('s-0')).toHaveLength(1);
  });

  it('with stream locks, lands 50 concurrent commands on one stream, none refused for a lost race', async () => {
    type C = { type: 'Add'; by: number };
    type E = { type: 'Added'; data: { by: number } };
    const decider: Decider<C, E, { total: number }> = {
      initialState: () => ({ total: 0 }),
      evolve: (state, e) => ({ total: state.total + e.data.by }),
      decide: (command) => [{ type: 'Added', data: { by: command.by } }],
    };
    const locks = new StreamLocks();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        handleCommand(store, { streamId: 'hot', decider, command: { type: 'Add', by: i + 1 }, metadata, newEventId: randomUUID, locks, maxRetries: 0 }),
      ),
    );
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Math.max(...results.map((r) => r.state.total))).toBe((50 * 51) / 2);
    expect(locks.size).toBe(0);
  });

  it('commits an append made alone at once, and the appends that arrive in the same turn together in one more commit', async () => {
    let commits = 0;
    store.onCommit = () => (commits += 1);
    let turnPassed = false;
    setImmediate(() => (turnPassed = true));
    await store.append('alone', [event(1)], 'no_stream');
    expect({ turnPassed, commits }).toEqual({ turnPassed: false, commits: 1 });

    await new Promise((resolve) => setImmediate(resolve));
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`burst-${i}`, [event(i)], 'no_stream')));
    expect(commits).toBe(3);
    expect(new Set(burst.map((r) => r.position)).size).toBe(20);
  });
});
