/**
 * Read answers kept for a short time, bounded in bytes and in age: an entry older than `ttlMs` is never
 * served as fresh (`get`); for `staleMs` more it may still be served while its refresh runs (`getStale`), and
 * after that it is never served and is dropped as soon as it is the oldest; the bytes of JSON kept never exceed
 * `maxBytes` (the least recently used go first), and an answer larger than an eighth of the budget is not kept
 * at all, so that any signed-in caller asking for large pages cannot grow the process.
 */
export interface CachedRead<V> {
  value: V;
  at: number;
  bytes: number;
}

export class ReadCache<V> {
  private readonly entries = new Map<string, CachedRead<V>>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
    private readonly staleMs = 0,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.maxBytes > 0;
  }

  /** the answer when it is younger than `ttlMs` */
  get(key: string): V | undefined {
    return this.within(key, this.ttlMs);
  }

  /** the answer when it is younger than `ttlMs + staleMs`: only to be sent while a fresh one is being computed */
  getStale(key: string): V | undefined {
    return this.within(key, this.ttlMs + this.staleMs);
  }

  private within(key: string, ageMs: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const age = this.now() - entry.at;
    if (age >= this.ttlMs + this.staleMs) this.delete(key, entry);
    return age < ageMs ? entry.value : undefined;
  }

  /** `bytes`: the size of the answer as sent (its JSON length) */
  set(key: string, value: V, bytes: number): void {
    if (!this.enabled || bytes > this.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) this.delete(key, previous);
    this.entries.set(key, { value, at: this.now(), bytes });
    this.bytes += bytes;
    this.evict();
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private evict(): void {
    const now = this.now();
    // insertion order is age order: expired entries sit at the front
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes && now - entry.at < this.ttlMs + this.staleMs) break;
      this.delete(key, entry);
    }
  }

  private delete(key: string, entry: CachedRead<V>): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
