import type { Kysely, Transaction } from 'kysely';

type Write<D, T> = (db: Kysely<D> | Transaction<D>) => Promise<T>;
interface Queued<D> {
  write: Write<D, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes that arrive together are committed together: each caller's write waits for the end of the current turn
 * of the event loop, then every write queued by then runs in one transaction, and each caller is answered once that
 * transaction is committed (so each still knows its write is durable). The vault syncs every commit to disk
 * (SQLite `synchronous = FULL`): a thousand people registered side by side then cost a few syncs, not a thousand.
 * When the shared transaction fails, each write runs again on its own, so one bad write fails only its caller.
 */
export class CoalescedWrites<D> {
  private queue: Queued<D>[] = [];
  private scheduled = false;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<D>) {}

  run<T>(write: Write<D, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        // one batch at a time: writes queued while a batch commits form the next one
        this.running = this.running.then(() => this.flush());
      });
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    if (batch.length === 1) return settle(batch[0], () => batch[0].write(this.db));
    let results: unknown[];
    try {
      results = await this.db.transaction().execute(async (trx) => {
        const out: unknown[] = [];
        for (const queued of batch) out.push(await queued.write(trx));
        return out;
      });
    } catch {
      for (const queued of batch) await settle(queued, () => queued.write(this.db));
      return;
    }
    batch.forEach((queued, i) => queued.resolve(results[i]));
  }
}

async function settle<D>(queued: Queued<D>, run: () => Promise<unknown>): Promise<void> {
  try {
    queued.resolve(await run());
  } catch (error) {
    queued.reject(error);
  }
}
