/**
 * The EventStore port. Adapters: SQLite (embedded default) and EventStoreDB/KurrentDB (at scale).
 * Every adapter passes the same contract suite (`event-store.contract.ts`).
 */

/** Who did it: the bearer token's subject and role, or a system component. */
export interface Actor {
  sub: string;
  role: string;
}

/** Metadata supplied by the writer. */
export interface EventMetadataInput {
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  /** ISO instant at which the command was accepted */
  recordedAt: string;
}

/** What a writer hands to `append`. */
export interface NewEvent {
  /** UUID; appending an event id already in the store is a duplicate (see `append`) */
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadataInput;
  /** schema version of `data`; defaults to 1 */
  schemaVersion?: number;
}

/** Metadata as stored: the writer's plus what the store adds. */
export interface StoredMetadata extends EventMetadataInput {
  schemaVersion: number;
  /** sha256 hex of (previous chain hash in the stream ‖ this event's canonical content) */
  chainHash: string;
}

export interface StoredEvent {
  eventId: string;
  streamId: string;
  /** 0-based revision of the event in its stream */
  streamVersion: number;
  /**
   * Global position in the store's log: an opaque decimal string; compare with `comparePositions`.
   * SQLite: 1, 2, 3… (gap-free). EventStoreDB: the commit position (increasing, not contiguous).
   */
  position: string;
  type: string;
  data: Record<string, unknown>;
  metadata: StoredMetadata;
}

/**
 * Expected version of the stream before the append:
 *  - a number n ≥ 0: the stream's last event has revision n;
 *  - 'no_stream' (≡ -1): the stream has no event;
 *  - 'any': no check.
 */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  /** revision of the last event of the stream after the append */
  nextExpectedVersion: number;
  /** global position of the last event appended */
  position: string;
  /**
   * the events as stored (positions, chain hashes), when the adapter knows them without reading them back
   * (SQLite); equal to what `readStream` returns for them
   */
  events?: StoredEvent[];
}

/**
 * What folding an aggregate needs of a stored event: its type, payload and schema version (for upcasting), its
 * revision and position. A `StoredEvent` is one; `readStreamForFold` reads only this.
 */
export interface FoldableEvent {
  streamVersion: number;
  position: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { schemaVersion: number };
}

export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * An append carried an event id that is already stored. The append is refused as a whole rather than
 * skipped silently: a writer that reuses an id has a bug or is replaying a command, and the command
 * layer (not the log) is where idempotency is decided.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly streamId: string,
    /** the duplicated id, when the adapter can tell which one */
    readonly eventId: string | null,
  ) {
    super(`stream ${streamId}: event id ${eventId ?? '(one of the batch)'} is already in the store`);
    this.name = 'DuplicateEventIdError';
  }
}

export interface ReadAllOptions {
  /** exclusive: events strictly after this position; omit to start at the beginning */
  after?: string;
  /** at most this many events */
  limit?: number;
}

export interface Subscription {
  /** stop the subscription; resolves once no more handler call will start */
  close(): Promise<void>;
  /** resolves when the subscription ends (closed or failed); rejects with the failure */
  readonly done: Promise<void>;
}

export interface SubscribeAllOptions {
  /** exclusive: deliver events strictly after this position; omit to start at the beginning */
  after?: string;
  /** how many events at most per handler call */
  batchSize?: number;
}

export interface EventStore {
  /**
   * Appends atomically (all or none) with an optimistic-concurrency check.
   * Throws `WrongExpectedVersionError` when the stream's version is not the expected one, and
   * `DuplicateEventIdError` (appending nothing) when an event id is already stored — in that stream at
   * least; the SQLite adapter enforces it across the whole store.
   */
  append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /** the stream's events in order, from revision `fromVersion` (inclusive, default 0); [] when none */
  readStream(streamId: string, fromVersion?: number): Promise<StoredEvent[]>;
  /**
   * Optional: the same events as `readStream`, with only what a fold needs (`FoldableEvent`: no ids, actor or
   * chain hash) — cheaper where the adapter can read fewer columns. The command pipeline uses it when present.
   */
  readStreamForFold?(streamId: string, fromVersion?: number): Promise<FoldableEvent[]>;
  /** a page of the global log in order */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * Catch-up then live subscription to the global log: every event after `after` is delivered exactly
   * once, in order, in batches; the next batch is not delivered before the handler's promise resolves.
   * A handler failure ends the subscription (`done` rejects).
   */
  subscribeAll(handler: (batch: StoredEvent[]) => Promise<void>, options?: SubscribeAllOptions): Subscription;
  /** the position of the last event in the store, or null when empty */
  headPosition(): Promise<string | null>;
  close(): Promise<void>;
}

/** Orders two positions (decimal strings). */
export function comparePositions(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A global position: a canonical decimal string (no leading zero). Shared with the OpenAPI document of `minPosition`. */
export const POSITION_PATTERN = /^(0|[1-9][0-9]{0,30})$/;
export const isPosition = (value: string): boolean => POSITION_PATTERN.test(value);
