/**
 * THE command pipeline: read the stream → upcast and fold → decide → append with the last revision as
 * expected version → on a concurrency conflict, start again from the read. Every write goes through it;
 * a NestJS command handler is a thin adapter around it.
 */
import { evolveAll, type Decider } from '@cafeia/domain';
import { AppendResult, EventMetadataInput, EventStore, FoldableEvent, NewEvent, StoredEvent, WrongExpectedVersionError } from './event-store.port';
import { CachedState, StateCache } from './state-cache';
import type { StreamLocks } from './stream-locks';

export interface HandleCommandOptions<C, E extends { type: string; data: object }, S> {
  streamId: string;
  decider: Decider<C, E, S>;
  command: C;
  /** written on every event the command produces */
  metadata: EventMetadataInput;
  newEventId: () => string;
  /** attempts after the first one lost a concurrency race (default 10) */
  maxRetries?: number;
  /** turns a stored event (of any schema version) into the current domain event; default: its type and data */
  upcast?: (event: FoldableEvent) => E;
  /** the schema version to store with a new event (default 1) */
  schemaVersionOf?: (event: E) => number;
  /**
   * Runs once the decision is taken and before the append, on every attempt (e.g. storing personal
   * data keys); throwing aborts the command with nothing appended.
   */
  beforeAppend?: (events: E[], state: S) => Promise<void>;
  /** folded states kept between commands: only the events after the cached revision are read */
  cache?: StateCache<S>;
  /** commands on one stream run one after the other in this process (see StreamLocks) */
  locks?: StreamLocks;
}

export interface CommandResult<S> {
  /** what this command appended; empty when the decision produced no event */
  events: StoredEvent[];
  /** the state after the command */
  state: S;
  /** the position of the last event appended, or else of the stream's last event; null for an empty stream */
  position: string | null;
  /** the stream's revision after the command (-1 when the stream has no event) */
  nextExpectedVersion: number;
}

export class ConcurrencyRetriesExhaustedError extends Error {
  constructor(
    readonly streamId: string,
    readonly attempts: number,
    readonly lastConflict: WrongExpectedVersionError,
  ) {
    super(`stream ${streamId}: still conflicting after ${attempts} attempts`);
    this.name = 'ConcurrencyRetriesExhaustedError';
  }
}

const defaultUpcast = <E>(event: FoldableEvent): E => ({ type: event.type, data: event.data }) as E;

/**
 * The current state of a stream: its cached state (if any) brought up to date with the events appended
 * after it, or a fold of the whole stream. Reads only what a fold needs when the store can
 * (`readStreamForFold`), and folds the events at once when the decider can (`evolveMany`).
 */
export async function loadStreamState<E, S>(
  store: Pick<EventStore, 'readStream' | 'readStreamForFold'>,
  streamId: string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve' | 'evolveMany'>,
  upcast: (event: FoldableEvent) => E,
  cache?: StateCache<S>,
): Promise<CachedState<S>> {
  const cached = cache?.get(streamId);
  let state = cached ? cached.state : decider.initialState();
  let version = cached ? cached.version : -1;
  let position = cached ? cached.position : null;
  const tail: FoldableEvent[] = store.readStreamForFold ? await store.readStreamForFold(streamId, version + 1) : await store.readStream(streamId, version + 1);
  if (tail.length > 0) state = evolveAll(decider, state, tail.map(upcast));
  if (tail.length > 0) {
    version = tail[tail.length - 1].streamVersion;
    position = tail[tail.length - 1].position;
    cache?.set(streamId, { state, version, position });
  }
  return { state, version, position };
}

export async function handleCommand<C, E extends { type: string; data: object }, S>(
  store: EventStore,
  options: HandleCommandOptions<C, E, S>,
): Promise<CommandResult<S>> {
  return options.locks ? options.locks.run(options.streamId, () => runCommand(store, options)) : runCommand(store, options);
}

async function runCommand<C, E extends { type: string; data: object }, S>(store: EventStore, options: HandleCommandOptions<C, E, S>): Promise<CommandResult<S>> {
  const { streamId, decider, command, metadata, newEventId, maxRetries = 10, beforeAppend } = options;
  const upcast = options.upcast ?? defaultUpcast<E>;
  const schemaVersionOf = options.schemaVersionOf ?? (() => 1);

  for (let attempt = 0; ; attempt++) {
    const { state, version, position } = await loadStreamState(store, streamId, decider, upcast, options.cache);

    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { events: [], state, position, nextExpectedVersion: version };
    }

    await beforeAppend?.(decided, state);
    const newEvents: NewEvent[] = decided.map((event) => ({
      eventId: newEventId(),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata,
      schemaVersion: schemaVersionOf(event),
    }));

    let appended;
    try {
      appended = await store.append(streamId, newEvents, version === -1 ? 'no_stream' : version);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (attempt >= maxRetries) throw new ConcurrencyRetriesExhaustedError(streamId, attempt + 1, error);
      // jitter spreads writers that collided so they do not collide again in lockstep
      await sleep(Math.random() * Math.min(2 ** attempt, 20));
      continue;
    }
    const next = evolveAll(decider, state, decided);
    options.cache?.set(streamId, { state: next, version: appended.nextExpectedVersion, position: appended.position });
    return {
      events: await readBack(store, streamId, newEvents, appended),
      state: next,
      position: appended.position,
      nextExpectedVersion: appended.nextExpectedVersion,
    };
  }
}

/**
 * The events as stored (positions, chain hashes): as the append answered them when the adapter knows them (SQLite),
 * else read back rather than rebuilt — an adapter's positions need not be contiguous, so only the last one is known
 * from the append.
 */
async function readBack(store: EventStore, streamId: string, written: NewEvent[], appended: AppendResult): Promise<StoredEvent[]> {
  if (appended.events) {
    const known = appended.events;
    if (known.length === written.length && known.every((e, i) => e.eventId === written[i].eventId)) return known;
  }
  const first = appended.nextExpectedVersion - written.length + 1;
  // later writers may already have appended after this command: keep exactly its events
  const stored = (await store.readStream(streamId, first)).slice(0, written.length);
  const matches = stored.length === written.length && stored.every((e, i) => e.eventId === written[i].eventId);
  if (!matches) throw new Error(`stream ${streamId}: the events just appended could not be read back`);
  return stored;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
