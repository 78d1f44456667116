import type { Kysely } from 'kysely';

/**
 * Group commit: the writes asked for while a transaction is being committed (or in the same turn of the event
 * loop) share the next transaction, so that concurrent requests pay one commit — one fsync with
 * `synchronous = FULL` — between them. Each write still gets its own answer: when the shared transaction
 * fails, every write of the group is tried again alone, so that one bad write fails only itself.
 */
export class GroupCommit<DB> {
  private queue: { op: (trx: Kysely<DB>) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  /** transactions committed and writes they carried (what the grouping bought) */
  readonly stats = { transactions: 0, writes: 0 };

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(op: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const { op } of group) out.push(await op(trx));
        return out;
      });
      this.stats.transactions += 1;
      this.stats.writes += group.length;
      group.forEach(({ resolve }, i) => resolve(results[i]));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      for (const { op, resolve, reject } of group) {
        try {
          resolve(await this.db.transaction().execute(op));
        } catch (alone) {
          reject(alone);
        }
      }
    }
  }
}
