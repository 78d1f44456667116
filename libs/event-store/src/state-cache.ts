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

export interface StateCacheLimits {
  /**
   * the events folded into the cached states, at most (a state's size grows with its stream: a café with
   * thousands of enrolments weighs thousands): bounds the cache's memory, not only its number of entries
   */
  maxEvents?: number;
  /** an entry unused for this long is dropped (default 10 minutes) */
  idleMs?: number;
  now?: () => number;
}

export class StateCache<S = unknown> {
  private readonly entries = new Map<string, CachedState<S> & { usedAt: number }>();
  private weight = 0;
  private readonly maxEvents: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(readonly capacity = 5_000, limits: StateCacheLimits = {}) {
    this.maxEvents = limits.maxEvents ?? 500_000;
    this.idleMs = limits.idleMs ?? 10 * 60_000;
    this.now = limits.now ?? Date.now;
  }

  get(streamId: string): CachedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry) return undefined;
    const now = this.now();
    if (now - entry.usedAt >= this.idleMs) {
      this.remove(streamId, entry);
      return undefined;
    }
    // least recently used first: re-insert to move it to the end
    this.entries.delete(streamId);
    entry.usedAt = now;
    this.entries.set(streamId, entry);
    return { state: entry.state, version: entry.version, position: entry.position };
  }

  set(streamId: string, entry: CachedState<S>): void {
    if (this.capacity <= 0) return;
    const current = this.entries.get(streamId);
    // never go back to an older revision (two commands of one process finishing out of order)
    if (current && current.version > entry.version) return;
    if (current) this.remove(streamId, current);
    const weight = weightOf(entry);
    if (weight > this.maxEvents / 4) return; // one huge stream would evict everything else
    this.entries.set(streamId, { ...entry, usedAt: this.now() });
    this.weight += weight;
    this.evict();
  }

  get size(): number {
    return this.entries.size;
  }

  /** the events folded into the cached states */
  get events(): number {
    return this.weight;
  }

  private evict(): void {
    const now = this.now();
    for (const [streamId, entry] of this.entries) {
      const over = this.entries.size > this.capacity || this.weight > this.maxEvents;
      if (!over && now - entry.usedAt < this.idleMs) break;
      this.remove(streamId, entry);
    }
  }

  private remove(streamId: string, entry: CachedState<S>): void {
    this.entries.delete(streamId);
    this.weight -= weightOf(entry);
  }
}

const weightOf = (entry: CachedState<unknown>): number => entry.version + 1;
