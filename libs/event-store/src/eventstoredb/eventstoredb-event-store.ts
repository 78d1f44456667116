/**
 * The EventStore port on EventStoreDB / KurrentDB (≥ 22.10), through the public API of
 * `@eventstore/db-client`.
 *
 * - An event is a JSON event: id = eventId, type, data; its ESDB metadata is the port's StoredMetadata
 *   (the writer's metadata, schemaVersion and the chain hash), as JSON.
 * - The chain hash needs the stream's previous event, so an append reads the stream's tail first and
 *   then appends with the revision it read as expected revision: a writer that got in between makes
 *   ESDB refuse the append, so two events can never chain to the same predecessor. With the port's
 *   'any', such a refusal is retried on the new tail (the caller asked for no check); otherwise it
 *   surfaces as the port's WrongExpectedVersionError with the actual version.
 * - ESDB accepts an event id already in the stream when the expected revision is the current one;
 *   the port refuses it, so the adapter checks the ids it knows of the stream (see stream-tails.ts).
 *   Ids are unique per stream here, not across the store as with SQLite.
 * - Positions: the port's position is the event's commit position in `$all`, as a decimal string.
 *   Every event written through gRPC is its own committed record in the transaction log, so the
 *   events of one multi-event append have distinct, increasing commit positions (only the legacy TCP
 *   API's explicit transactions shared one commit position; nothing here writes those). Positions
 *   are increasing, not contiguous: paging never computes "position + 1".
 * - The global log excludes system events (`$`-streams, `$`-types). Subscriptions filter them on the
 *   server; `readAll` of this client version cannot send a filter, so reads skip them as they page.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type Position,
  type ReadPosition,
  type RecordedEvent,
} from '@eventstore/db-client';
import { computeChainHash } from '../chain-hash';
import {
  DuplicateEventIdError,
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type StoredEvent,
  type StoredMetadata,
  type SubscribeAllOptions,
  type Subscription,
} from '../event-store.port';
import { BatchedSubscription, type CancellableSource } from './batched-subscription';
import { StreamTails, type StreamTail } from './stream-tails';

export interface EventStoreDBEventStoreOptions {
  /** events asked per `$all` read request (default 500) */
  readPageSize?: number;
  /** streams whose tail is remembered between appends (default 10 000) */
  tailCacheSize?: number;
  /** attempts of an append with expected version 'any' that keeps losing races (default 20) */
  anyAppendAttempts?: number;
}

/** Servers before 22.6 answer 2^64 - 1 ("no position") for events read from a stream. */
const NO_POSITION = (1n << 64n) - 1n;

export class EventStoreDBEventStore implements EventStore {
  private readonly tails: StreamTails;
  private readonly readPageSize: number;
  private readonly anyAppendAttempts: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private readonly client: EventStoreDBClient;

  /** `connection`: a connection string such as `esdb://localhost:2113?tls=false`, or a client */
  constructor(connection: string | EventStoreDBClient, options: EventStoreDBEventStoreOptions = {}) {
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.readPageSize = Math.max(2, options.readPageSize ?? 500);
    this.tails = new StreamTails(options.tailCacheSize ?? 10_000);
    this.anyAppendAttempts = options.anyAppendAttempts ?? 20;
  }

  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    this.assertOpen();
    if (events.length === 0) throw new RangeError(`stream ${streamId}: an append needs at least one event`);
    const repeated = events.find((event, i) => events.findIndex((other) => other.eventId === event.eventId) !== i);
    if (repeated) throw new DuplicateEventIdError(streamId, repeated.eventId);

    for (let attempt = 1; ; attempt++) {
      const tail = await this.refreshTail(streamId);
      const expected = expectedVersion === 'no_stream' ? -1 : expectedVersion;
      if (expected !== 'any' && expected !== tail.revision) {
        throw new WrongExpectedVersionError(streamId, expectedVersion, tail.revision);
      }
      const duplicate = events.find((event) => tail.eventIds.has(event.eventId));
      if (duplicate) throw new DuplicateEventIdError(streamId, duplicate.eventId);

      const chained = chain(streamId, tail, events);
      try {
        const result = await this.client.appendToStream(
          streamId,
          chained.map(({ event, metadata }) => jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata })),
          { expectedRevision: tail.revision < 0 ? NO_STREAM : BigInt(tail.revision) },
        );
        if (!result.position) throw new Error(`stream ${streamId}: EventStoreDB did not return the append's position`);
        this.tails.extend(
          streamId,
          tail,
          chained.map(({ event, metadata }, i) => ({ eventId: event.eventId, streamVersion: tail.revision + 1 + i, chainHash: metadata.chainHash })),
        );
        // the commit position of an append is its last event's
        return { nextExpectedVersion: Number(result.nextExpectedRevision), position: result.position.commit.toString() };
      } catch (error) {
        if (!(error instanceof EsdbWrongExpectedVersionError)) throw error;
        if (expectedVersion === 'any' && attempt < this.anyAppendAttempts) continue;
        const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
        throw new WrongExpectedVersionError(streamId, expectedVersion, actual);
      }
    }
  }

  async readStream(streamId: string, fromVersion = 0): Promise<StoredEvent[]> {
    this.assertOpen();
    return (await this.readRecorded(streamId, fromVersion)).map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const events: StoredEvent[] = [];
    if (limit <= 0) return events;
    // forward reads of $all include the event at the start position: skip up to `after` ourselves
    let seen = options.after === undefined ? -1n : BigInt(options.after);
    let from: ReadPosition = options.after === undefined ? START : positionAt(seen);
    for (;;) {
      const page = await collect(this.client.readAll({ fromPosition: from, direction: FORWARDS, maxCount: this.readPageSize }));
      for (const { event } of page) {
        if (!event || event.position.commit <= seen) continue;
        seen = event.position.commit;
        if (isSystemEvent(event)) continue;
        events.push(toStoredEvent(event));
        if (events.length >= limit) return events;
      }
      const last = page[page.length - 1]?.event;
      if (page.length < this.readPageSize || !last) return events;
      from = positionAt(last.position.commit);
    }
  }

  subscribeAll(handler: (batch: StoredEvent[]) => Promise<void>, options: SubscribeAllOptions = {}): Subscription {
    this.assertOpen();
    const source = this.client.subscribeToAll({
      fromPosition: options.after === undefined ? START : positionAt(BigInt(options.after)),
      filter: excludeSystemEvents(),
    }) as unknown as CancellableSource<AllStreamResolvedEvent>;
    // a subscription starts after its position; the guard also keeps a resumed one from repeating
    let delivered = options.after === undefined ? -1n : BigInt(options.after);
    const convert = ({ event }: AllStreamResolvedEvent): StoredEvent | null => {
      if (!event || event.position.commit <= delivered) return null;
      delivered = event.position.commit;
      return isSystemEvent(event) ? null : toStoredEvent(event);
    };
    const subscription = new BatchedSubscription(source, convert, handler, Math.max(1, options.batchSize ?? 100));
    this.subscriptions.add(subscription);
    const forget = () => void this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async headPosition(): Promise<string | null> {
    this.assertOpen();
    let from: ReadPosition = END;
    let before = NO_POSITION;
    for (;;) {
      const page = await collect(this.client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount: this.readPageSize }));
      for (const { event } of page) {
        if (!event || event.position.commit >= before) continue;
        before = event.position.commit;
        if (!isSystemEvent(event)) return event.position.commit.toString();
      }
      const last = page[page.length - 1]?.event;
      if (page.length < this.readPageSize || !last) return null;
      from = positionAt(last.position.commit);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** the stream's tail, brought up to date with what was appended since this process last looked */
  private async refreshTail(streamId: string): Promise<StreamTail> {
    const known = this.tails.get(streamId);
    const newer = await this.readRecorded(streamId, known.revision + 1);
    return this.tails.extend(
      streamId,
      known,
      newer.map((event) => ({
        eventId: event.id,
        streamVersion: Number(event.revision),
        chainHash: (event.metadata as Partial<StoredMetadata> | undefined)?.chainHash ?? '',
      })),
    );
  }

  private async readRecorded(streamId: string, fromVersion: number): Promise<RecordedEvent[]> {
    try {
      const resolved = await collect(this.client.readStream(streamId, { fromRevision: BigInt(fromVersion), direction: FORWARDS }));
      return resolved.flatMap(({ event }) => (event ? [event] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the EventStoreDB event store is closed');
  }
}

/** The events with their stored metadata, each chained to the previous one. */
function chain(streamId: string, tail: StreamTail, events: NewEvent[]): { event: NewEvent; metadata: StoredMetadata }[] {
  let previous = tail.chainHash;
  return events.map((event, i) => {
    const schemaVersion = event.schemaVersion ?? 1;
    const unhashed = { ...event.metadata, schemaVersion };
    const chainHash = computeChainHash(previous, {
      eventId: event.eventId,
      streamId,
      streamVersion: tail.revision + 1 + i,
      type: event.type,
      schemaVersion,
      data: event.data,
      metadata: unhashed,
    });
    previous = chainHash;
    return { event, metadata: { ...unhashed, chainHash } };
  });
}

function toStoredEvent(event: RecordedEvent): StoredEvent {
  const commit = event.position?.commit;
  if (commit === undefined || commit === NO_POSITION) {
    throw new Error(
      `event ${event.id} of ${event.streamId}: EventStoreDB gave no $all position for it; ` +
        'the adapter needs a server that reports positions on stream reads (EventStoreDB ≥ 22.10, KurrentDB)',
    );
  }
  if (!event.isJson) throw new Error(`event ${event.id} of ${event.streamId} is not JSON: not written by this adapter`);
  return {
    eventId: event.id,
    streamId: event.streamId,
    streamVersion: Number(event.revision),
    position: commit.toString(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as unknown as StoredMetadata,
  };
}

const isSystemEvent = (event: RecordedEvent) => event.streamId.startsWith('$') || event.type.startsWith('$');

/** An event's position as a read position: for events written over gRPC, prepare = commit in `$all`. */
const positionAt = (commit: bigint): Position => ({ commit, prepare: commit });

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}
