/**
 * The EventStoreDB adapter, over the wire with the real client library, against:
 *  - the in-memory gRPC test double (default), or
 *  - a real EventStoreDB/KurrentDB when EVENTSTORE_URL is set (see README.md).
 * The suite names say which one ran.
 */
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import { runEventStoreContract } from '../testing/event-store.contract';
import { startEsdbTestServer, type EsdbTestServer } from '../testing/esdb-test-server';
import { EventStoreDBEventStore } from './eventstoredb-event-store';

const realServerUrl = process.env.EVENTSTORE_URL;
const target = realServerUrl ? `real EventStoreDB at ${realServerUrl}` : 'the gRPC test double';

let double: EsdbTestServer | undefined;
const url = () => realServerUrl ?? double!.url;

beforeAll(async () => {
  if (!realServerUrl) double = await startEsdbTestServer();
});
afterAll(async () => {
  await double?.stop();
});

runEventStoreContract(`EventStoreDB adapter on ${target}`, async () => new EventStoreDBEventStore(url()));

describe(`what the adapter relies on, checked with the raw client on ${target}`, () => {
  let client: EventStoreDBClient;
  beforeEach(() => {
    client = EventStoreDBClient.connectionString(url());
  });
  afterEach(async () => {
    await client.dispose();
  });

  const event = (type = 'Happened', data: Record<string, unknown> = {}) => jsonEvent({ type, data });

  it('refuses a wrong expected revision with the current revision, and writes nothing', async () => {
    const stream = `cafe-${randomUUID()}`;
    await client.appendToStream(stream, [event(), event()], { expectedRevision: NO_STREAM });

    await expect(client.appendToStream(stream, [event()], { expectedRevision: NO_STREAM })).rejects.toMatchObject({
      constructor: WrongExpectedVersionError,
      streamName: stream,
      expectedVersion: 'no_stream',
      actualVersion: 1n,
    });
    await expect(client.appendToStream(stream, [event()], { expectedRevision: 0n })).rejects.toMatchObject({
      expectedVersion: 0n,
      actualVersion: 1n,
    });
    await expect(client.appendToStream(`cafe-${randomUUID()}`, [event()], { expectedRevision: 0n })).rejects.toMatchObject({
      constructor: WrongExpectedVersionError,
      actualVersion: 'no_stream',
    });
    expect(await collect(client.readStream(stream))).toHaveLength(2);
  });

  it('answers a read of an unknown stream with "stream not found"', async () => {
    await expect(collect(client.readStream(`cafe-${randomUUID()}`))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('gives each event of a multi-event append its own increasing commit position, reported alike by append, stream and $all reads', async () => {
    const stream = `cafe-${randomUUID()}`;
    const result = await client.appendToStream(stream, [event('A'), event('B'), event('C')], { expectedRevision: NO_STREAM });

    const fromStream = (await collect(client.readStream(stream))).map(({ event: e }) => e!.position!.commit);
    const fromAll = (await collect(client.readAll({ fromPosition: START })))
      .filter(({ event: e }) => e?.streamId === stream)
      .map(({ event: e }) => e!.position.commit);

    expect(fromAll).toEqual(fromStream);
    expect(fromAll[0] < fromAll[1] && fromAll[1] < fromAll[2]).toBe(true);
    expect(result.position?.commit).toBe(fromAll[2]);
  });

  it('reads $all forwards from an event position inclusively and backwards exclusively', async () => {
    const stream = `cafe-${randomUUID()}`;
    await client.appendToStream(stream, [event('A'), event('B'), event('C')], { expectedRevision: NO_STREAM });
    const [, b] = (await collect(client.readAll({ fromPosition: START }))).filter(({ event: e }) => e?.streamId === stream);
    const at: Position = { commit: b.event!.position.commit, prepare: b.event!.position.commit };

    const forwards = await collect(client.readAll({ fromPosition: at, direction: FORWARDS, maxCount: 1 }));
    const backwards = await collect(client.readAll({ fromPosition: at, direction: BACKWARDS, maxCount: 1 }));

    expect(forwards.map(({ event: e }) => e?.type)).toEqual(['B']);
    expect(backwards.map(({ event: e }) => e?.type)).toEqual(['A']);
  });

  it('keeps system events out of a $all subscription filtered with excludeSystemEvents, starting after the given position', async () => {
    const mine = `cafe-${randomUUID()}`;
    const system = `$cafeia-test-${randomUUID()}`;
    await client.appendToStream(mine, [event('Before')], { expectedRevision: NO_STREAM });
    const start = await lastPositionOf(client, mine);
    await client.appendToStream(system, [event('$cafeia-test')], { expectedRevision: NO_STREAM });
    await client.appendToStream(mine, [event('After')], { expectedRevision: 0n });

    const seen = await subscribeUntil(client, { commit: start, prepare: start }, excludeSystemEvents(), (e) => e.streamId === mine && e.type === 'After');

    expect(seen.some((e) => e.type.startsWith('$') || e.streamId === system)).toBe(false);
    expect(seen.filter((e) => e.streamId === mine).map((e) => e.type)).toEqual(['After']);
  });

  it('filters a $all subscription on stream-name prefixes on the server, catching up then staying live', async () => {
    const prefix = `funding-${randomUUID()}`;
    await client.appendToStream(`${prefix}-a`, [event('A')], { expectedRevision: NO_STREAM });
    await client.appendToStream(`cafe-${randomUUID()}`, [event('Other')], { expectedRevision: NO_STREAM });
    setTimeout(() => void client.appendToStream(`${prefix}-b`, [event('Live')], { expectedRevision: NO_STREAM }), 100);

    const seen = await subscribeUntil(client, START, streamNameFilter({ prefixes: [prefix] }), (e) => e.type === 'Live');

    expect(seen.map((e) => `${e.streamId}:${e.type}`)).toEqual([`${prefix}-a:A`, `${prefix}-b:Live`]);
  });
});

describe('the gRPC test double', () => {
  it('starts a fresh log with system events only: the adapter sees an empty log and no head', async () => {
    const fresh = await startEsdbTestServer();
    const store = new EventStoreDBEventStore(fresh.url, { readPageSize: 2 });
    try {
      const client = EventStoreDBClient.connectionString(fresh.url);
      const raw = await collect(client.readAll());
      await client.dispose();

      expect(raw.length).toBeGreaterThan(0);
      expect(raw.every(({ event: e }) => e!.streamId.startsWith('$'))).toBe(true);
      expect(await store.readAll()).toEqual([]);
      expect(await store.headPosition()).toBeNull();
    } finally {
      await store.close();
      await fresh.stop();
    }
  });

  it('assigns byte-offset-like positions: increasing, never contiguous', async () => {
    const fresh = await startEsdbTestServer({ systemEvents: false });
    const store = new EventStoreDBEventStore(fresh.url, { readPageSize: 2 });
    try {
      const metadata = { correlationId: 'c', causationId: null, actor: { sub: 's', role: 'r' }, recordedAt: '2026-01-01T00:00:00Z' };
      for (let i = 0; i < 5; i++) {
        await store.append(`cafe-${i % 2}`, [{ eventId: randomUUID(), type: 'A', data: { i }, metadata }], 'any');
      }
      const positions = (await store.readAll()).map((e) => BigInt(e.position));

      expect(positions).toHaveLength(5);
      for (let i = 1; i < positions.length; i++) expect(positions[i] - positions[i - 1]).toBeGreaterThan(1n);
      // paging by two across five events, resuming from opaque positions
      const pages = [await store.readAll({ limit: 2 })];
      while (pages[pages.length - 1].length === 2) pages.push(await store.readAll({ after: pages[pages.length - 1][1].position, limit: 2 }));
      expect(pages.flat().map((e) => BigInt(e.position))).toEqual(positions);
      expect(await store.headPosition()).toBe(positions[4].toString());
    } finally {
      await store.close();
      await fresh.stop();
    }
  });
});

// ---- helpers ------------------------------------------------------------------------------------

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

async function lastPositionOf(client: EventStoreDBClient, stream: string): Promise<bigint> {
  const [last] = await collect(client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
  return last.event!.position!.commit;
}

type Seen = { streamId: string; type: string };

/** subscribes to $all and collects events until one matches `last` */
async function subscribeUntil(client: EventStoreDBClient, from: ReadPosition, filter: Filter, last: (e: Seen) => boolean): Promise<Seen[]> {
  const subscription = client.subscribeToAll({ fromPosition: from, filter });
  const seen: Seen[] = [];
  const timeout = setTimeout(() => void subscription.unsubscribe(), 10_000);
  try {
    for await (const { event: e } of subscription as AsyncIterable<AllStreamResolvedEvent>) {
      if (!e) continue;
      seen.push({ streamId: e.streamId, type: e.type });
      if (last(seen[seen.length - 1])) break;
    }
  } finally {
    clearTimeout(timeout);
    await subscription.unsubscribe();
  }
  return seen;
}
