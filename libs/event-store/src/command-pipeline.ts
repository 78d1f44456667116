/**
 * THE command pipeline: read the stream → upcast and fold → decide → append with the last revision as
 * expected version → on a concurrency conflict, start again from the read. Every write goes through it;
 * a NestJS command handler is a thin adapter around it.
 */
import type { Decider } from '@cafeia/domain';
import { AppendResult, EventMetadataInput, EventStore, NewEvent, StoredEvent, WrongExpectedVersionError } from './event-store.port';

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
  upcast?: (event: StoredEvent) => E;
  /** the schema version to store with a new event (default 1) */
  schemaVersionOf?: (event: E) => number;
  /**
   * Runs once the decision is taken and before the append, on every attempt (e.g. storing personal
   * data keys); throwing aborts the command with nothing appended.
   */
  beforeAppend?: (events: E[], state: S) => Promise<void>;
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

const defaultUpcast = <E>(event: StoredEvent): E => ({ type: event.type, data: event.data }) as E;

export async function handleCommand<C, E extends { type: string; data: object }, S>(
  store: EventStore,
  options: HandleCommandOptions<C, E, S>,
): Promise<CommandResult<S>> {
  const { streamId, decider, command, metadata, newEventId, maxRetries = 10, beforeAppend } = options;
  const upcast = options.upcast ?? defaultUpcast<E>;
  const schemaVersionOf = options.schemaVersionOf ?? (() => 1);

  for (let attempt = 0; ; attempt++) {
    const history = await store.readStream(streamId);
    const last = history.length === 0 ? null : history[history.length - 1];
    const state = history.reduce((s, stored) => decider.evolve(s, upcast(stored)), decider.initialState());

    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { events: [], state, position: last?.position ?? null, nextExpectedVersion: last?.streamVersion ?? -1 };
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
      appended = await store.append(streamId, newEvents, last === null ? 'no_stream' : last.streamVersion);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (attempt >= maxRetries) throw new ConcurrencyRetriesExhaustedError(streamId, attempt + 1, error);
      // jitter spreads writers that collided so they do not collide again in lockstep
      await sleep(Math.random() * Math.min(2 ** attempt, 20));
      continue;
    }
    return {
      events: await readBack(store, streamId, newEvents, appended),
      state: decided.reduce(decider.evolve, state),
      position: appended.position,
      nextExpectedVersion: appended.nextExpectedVersion,
    };
  }
}

/**
 * The events as stored (positions, chain hashes), read back rather than rebuilt: an adapter's positions
 * need not be contiguous, so only the last one is known from the append.
 */
async function readBack(store: EventStore, streamId: string, written: NewEvent[], appended: AppendResult): Promise<StoredEvent[]> {
  const first = appended.nextExpectedVersion - written.length + 1;
  // later writers may already have appended after this command: keep exactly its events
  const stored = (await store.readStream(streamId, first)).slice(0, written.length);
  const matches = stored.length === written.length && stored.every((e, i) => e.eventId === written[i].eventId);
  if (!matches) throw new Error(`stream ${streamId}: the events just appended could not be read back`);
  return stored;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
