/**
 * EXPERIMENT (not used by the product): the command pipeline with an in-memory cache of aggregate states,
 * to measure what that design change would buy before proposing it for libs/event-store.
 *
 * The profile of `handleCommand` on the full store shows its time going to reading the whole café stream
 * (~80 rows scattered over the file, since a café's events are interleaved with everyone else's), parsing
 * their JSON and folding them (the café state copies its maps on every event). With a cache of
 * (state, version) per stream, a command reads only the events appended after the cached version (none,
 * when this process is the only writer, which the embedded default is), folds those, decides and appends
 * with the cached version as the expected one. Correctness does not depend on the cache being fresh:
 * a stale entry makes the append fail with WrongExpectedVersionError, and the retry reads the missing tail.
 */
import type { Decider } from '@cafeia/domain';
import {
  type EventMetadataInput,
  type EventStore,
  type NewEvent,
  type StoredEvent,
  WrongExpectedVersionError,
} from '@cafeia/event-store';

export class StateCache<S> {
  private readonly entries = new Map<string, { state: S; version: number }>();

  constructor(private readonly capacity = 100_000) {}

  get(streamId: string): { state: S; version: number } | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      // least recently used goes first: re-insert to move to the end
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, state: S, version: number): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, { state, version });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export async function handleCommandWithStateCache<C, E extends { type: string; data: object }, S>(
  store: EventStore,
  cache: StateCache<S>,
  options: {
    streamId: string;
    decider: Decider<C, E, S>;
    command: C;
    metadata: EventMetadataInput;
    newEventId: () => string;
    upcast: (event: StoredEvent) => E;
    schemaVersionOf: (event: E) => number;
  },
): Promise<{ state: S; nextExpectedVersion: number; position: string | null }> {
  const { streamId, decider, command } = options;
  for (let attempt = 0; ; attempt++) {
    const cached = cache.get(streamId);
    let state = cached?.state ?? decider.initialState();
    let version = cached?.version ?? -1;
    const tail = await store.readStream(streamId, version + 1);
    for (const stored of tail) state = decider.evolve(state, options.upcast(stored));
    if (tail.length > 0) version = tail[tail.length - 1].streamVersion;

    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      cache.set(streamId, state, version);
      return { state, nextExpectedVersion: version, position: null };
    }
    const events: NewEvent[] = decided.map((event) => ({
      eventId: options.newEventId(),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: options.metadata,
      schemaVersion: options.schemaVersionOf(event),
    }));
    try {
      const appended = await store.append(streamId, events, version === -1 ? 'no_stream' : version);
      const next = decided.reduce(decider.evolve, state);
      cache.set(streamId, next, appended.nextExpectedVersion);
      return { state: next, nextExpectedVersion: appended.nextExpectedVersion, position: appended.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= 10) throw error;
      cache.set(streamId, state, version); // keep what was read; the retry reads the rest
    }
  }
}
