import { randomUUID } from 'node:crypto';
import type { Decider } from '@cafeia/domain';
import { DomainError, ruleViolation } from '@cafeia/domain';
import { verifyStreamChain } from './chain-hash';
import { ConcurrencyRetriesExhaustedError, handleCommand } from './command-pipeline';
import { EventMetadataInput, EventStore, FoldableEvent, StoredEvent, WrongExpectedVersionError } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

// ---- a tiny counter aggregate, just for the pipeline ---------------------------------------------
type CounterCommand = { type: 'Increment'; by: number } | { type: 'SetTo'; value: number };
type CounterEvent = { type: 'Incremented'; data: { by: number } } | { type: 'Set'; data: { value: number } };
type Counter = { count: number };

const counter: Decider<CounterCommand, CounterEvent, Counter> = {
  initialState: () => ({ count: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'Incremented':
        return { count: state.count + event.data.by };
      case 'Set':
        return { count: event.data.value };
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'Increment':
        if (command.by <= 0) throw ruleViolation('increment_not_positive', 'an increment must be positive', 'by');
        return [{ type: 'Incremented', data: { by: command.by } }];
      case 'SetTo':
        // idempotent: setting the value the counter already has records nothing
        return state.count === command.value ? [] : [{ type: 'Set', data: { value: command.value } }];
    }
  },
};

const metadata: EventMetadataInput = {
  correlationId: 'corr-1',
  causationId: null,
  actor: { sub: 'animator-1', role: 'animator' },
  recordedAt: '2026-02-01T09:00:00+01:00',
};

describe('handleCommand', () => {
  let store: SqliteEventStore;
  let streamId: string;
  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
    streamId = `counter-${randomUUID()}`;
  });
  afterEach(() => store.close());

  const run = (command: CounterCommand, extra: Partial<Parameters<typeof handleCommand<CounterCommand, CounterEvent, Counter>>[1]> = {}) =>
    handleCommand(store, { streamId, decider: counter, command, metadata, newEventId: randomUUID, ...extra });

  const given = async (...events: CounterEvent[]) => {
    for (const event of events) await store.append(streamId, [{ eventId: randomUUID(), ...event, metadata }], 'any');
  };
  const streamTypes = async () => (await store.readStream(streamId)).map((e) => ({ type: e.type, data: e.data }));

  it('given nothing, when incremented, appends the decided event with the metadata and returns it as stored', async () => {
    const result = await run({ type: 'Increment', by: 3 }, { schemaVersionOf: () => 2 });

    const stream = await store.readStream(streamId);
    expect(stream.map((e) => ({ type: e.type, data: e.data }))).toEqual([{ type: 'Incremented', data: { by: 3 } }]);
    expect(stream[0].metadata).toMatchObject({ ...metadata, schemaVersion: 2 });
    expect(result).toEqual({ events: stream, state: { count: 3 }, position: stream[0].position, nextExpectedVersion: 0 });
  });

  it('given history, folds it before deciding', async () => {
    await given({ type: 'Set', data: { value: 10 } }, { type: 'Incremented', data: { by: 2 } });

    const result = await run({ type: 'Increment', by: 1 });

    expect(result.state).toEqual({ count: 13 });
    expect(result.nextExpectedVersion).toBe(2);
  });

  it('lands all of 50 concurrent commands on one stream, none lost', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => run({ type: 'Increment', by: i + 1 })));

    const stream = await store.readStream(streamId);
    expect(stream).toHaveLength(50);
    expect(stream.map((e) => (e.data as { by: number }).by).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Math.max(...results.map((r) => r.state.count))).toBe((50 * 51) / 2);
    for (const result of results) expect(result.position).toBe(result.events[0].position);
    expect(verifyStreamChain(stream).ok).toBe(true);
  });

  it('propagates a refusal of the decider and appends nothing', async () => {
    await given({ type: 'Incremented', data: { by: 1 } });
    const beforeAppend = jest.fn(async () => undefined);

    const refusal = await run({ type: 'Increment', by: 0 }, { beforeAppend }).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ kind: 'rule', code: 'increment_not_positive' });
    expect(beforeAppend).not.toHaveBeenCalled();
    expect(await streamTypes()).toEqual([{ type: 'Incremented', data: { by: 1 } }]);
  });

  it('appends nothing for an idempotent command and answers with the stream head', async () => {
    await given({ type: 'Set', data: { value: 5 } });
    const [head] = await store.readStream(streamId);

    const result = await run({ type: 'SetTo', value: 5 });

    expect(result).toEqual({ events: [], state: { count: 5 }, position: head.position, nextExpectedVersion: 0 });
    expect(await store.readAll()).toHaveLength(1);
  });

  it('answers an idempotent command on an empty stream with no position', async () => {
    const result = await run({ type: 'SetTo', value: 0 });
    expect(result).toEqual({ events: [], state: { count: 0 }, position: null, nextExpectedVersion: -1 });
    expect(await store.readAll()).toEqual([]);
  });

  it('upcasts stored events of an older schema before folding', async () => {
    // version 1 of Incremented called the field `amount`
    await store.append(streamId, [{ eventId: randomUUID(), type: 'Incremented', data: { amount: 4 }, metadata, schemaVersion: 1 }], 'no_stream');
    const upcast = (e: FoldableEvent): CounterEvent =>
      e.type === 'Incremented' && e.metadata.schemaVersion === 1
        ? { type: 'Incremented', data: { by: (e.data as { amount: number }).amount } }
        : ({ type: e.type, data: e.data } as CounterEvent);

    const result = await run({ type: 'Increment', by: 1 }, { upcast });

    expect(result.state).toEqual({ count: 5 });
  });

  it('hands the decided events and the state to beforeAppend, and appends nothing when it fails', async () => {
    await given({ type: 'Set', data: { value: 7 } });
    const seen: unknown[] = [];

    await expect(
      run(
        { type: 'Increment', by: 2 },
        {
          beforeAppend: async (events, state) => {
            seen.push({ events, state });
            throw new Error('key vault unavailable');
          },
        },
      ),
    ).rejects.toThrow('key vault unavailable');

    expect(seen).toEqual([{ events: [{ type: 'Incremented', data: { by: 2 } }], state: { count: 7 } }]);
    expect(await streamTypes()).toEqual([{ type: 'Set', data: { value: 7 } }]);
  });

  it('gives up after maxRetries conflicts with a typed error', async () => {
    let appends = 0;
    const alwaysBeaten: EventStore = {
      ...bind(store),
      append: async (id, _events, expected) => {
        appends++;
        throw new WrongExpectedVersionError(id, expected, 99);
      },
    };

    const error = await handleCommand(alwaysBeaten, { streamId, decider: counter, command: { type: 'Increment', by: 1 }, metadata, newEventId: randomUUID, maxRetries: 3 }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ConcurrencyRetriesExhaustedError);
    expect(error).toMatchObject({ streamId, attempts: 4 });
    expect(appends).toBe(4);
  });
});

/** the store's methods as plain functions, so a test double can override one */
function bind(store: EventStore): EventStore {
  return {
    append: store.append.bind(store),
    readStream: store.readStream.bind(store),
    readAll: store.readAll.bind(store),
    subscribeAll: store.subscribeAll.bind(store),
    headPosition: store.headPosition.bind(store),
    close: store.close.bind(store),
  };
}

describe('handleCommand with a state cache', () => {
  const counter = {
    initialState: () => ({ count: 0 }),
    evolve: (state: { count: number }, event: { type: string; data: { by: number } }) => ({ count: state.count + event.data.by }),
    decide: (command: { by: number }, _state: { count: number }) => [{ type: 'Incremented', data: { by: command.by } }],
  };
  const metadata = { correlationId: 'c', causationId: null, actor: { sub: 't', role: 'test' }, recordedAt: '2026-01-01T00:00:00Z' };

  it('reads only the events appended after the cached revision', async () => {
    const { SqliteEventStore } = await import('./sqlite/sqlite-event-store');
    const { StateCache } = await import('./state-cache');
    const { randomUUID } = await import('node:crypto');
    const store = new SqliteEventStore(':memory:');
    const cache = new StateCache<{ count: number }>();
    const reads: number[] = [];
    const spied = { ...store, readStream: (id: string, from?: number) => (reads.push(from ?? 0), store.readStream(id, from)), append: store.append.bind(store) } as unknown as typeof store;
    for (let i = 0; i < 3; i++) await handleCommand(spied, { streamId: 'counter-1', decider: counter, command: { by: 1 }, metadata, newEventId: randomUUID, cache });
    // each command starts reading after the revision the previous one left in the cache (the append answers with
    // the events as stored: no read-back)
    expect(reads).toEqual([0, 1, 2]);
    expect(cache.get('counter-1')).toMatchObject({ state: { count: 3 }, version: 2 });
    await store.close();
  });

  it('stays correct when another writer appended behind the cache’s back', async () => {
    const { SqliteEventStore } = await import('./sqlite/sqlite-event-store');
    const { StateCache } = await import('./state-cache');
    const { randomUUID } = await import('node:crypto');
    const store = new SqliteEventStore(':memory:');
    const cache = new StateCache<{ count: number }>();
    await handleCommand(store, { streamId: 'counter-2', decider: counter, command: { by: 1 }, metadata, newEventId: randomUUID, cache });
    // another process (no cache) adds 10
    await handleCommand(store, { streamId: 'counter-2', decider: counter, command: { by: 10 }, metadata, newEventId: randomUUID });
    const result = await handleCommand(store, { streamId: 'counter-2', decider: counter, command: { by: 100 }, metadata, newEventId: randomUUID, cache });
    expect(result.state).toEqual({ count: 111 });
    expect(result.nextExpectedVersion).toBe(2);
    await store.close();
  });
});
