/**
 * An in-memory cache of folded aggregate states, so a command reads only the events appended after the
 * cached revision instead of its whole stream. Correctness never depends on it being fresh: a stale entry
 * only means more events to read, and a state another process has moved past makes the append fail with a
 * wrong expected version, after which the pipeline reads the missing tail and retries.
 * States are shared, so evolve functions must not mutate the state they are given (ours return new objects).
 */
export interface CachedState<S> {
  state: S;
  /** revision of the last event folded into `state` (-1: none) */
  version: number;
  /** global position of that event, or null */
  position: string | null;
}

export class StateCache<S = unknown> {
  private readonly entries = new Map<string, CachedState<S>>();

  constructor(readonly capacity = 5_000) {}

  get(streamId: string): CachedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      // least recently used first: re-insert to move it to the end
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedState<S>): void {
    if (this.capacity <= 0) return;
    const current = this.entries.get(streamId);
    // never go back to an older revision (two commands of one process finishing out of order)
    if (current && current.version > entry.version) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
