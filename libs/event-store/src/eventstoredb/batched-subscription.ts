import type { Readable } from 'node:stream';
import type { StoredEvent, Subscription } from '../event-store.port';

/** The part of the client's catch-up subscription this needs: an object-mode stream that can be cancelled. */
export interface CancellableSource<T> extends Readable {
  read(): T | null;
  unsubscribe(): Promise<void>;
}

/**
 * Turns the client's subscription stream (one event at a time, buffered by the stream) into the
 * port's contract: batches of what is already buffered, at most `batchSize`, the next batch only
 * after the handler's promise resolved; ends on `close()` (done resolves), on a handler failure or a
 * stream error (done rejects), and treats the server ending the subscription as a failure, since a
 * catch-up subscription to `$all` never ends by itself.
 */
export class BatchedSubscription<T> implements Subscription {
  readonly done: Promise<void>;
  private closing = false;
  private ended = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly source: CancellableSource<T>,
    /** maps what the stream yields to an event to deliver, or null to skip it */
    private readonly convert: (item: T) => StoredEvent | null,
    private readonly handler: (batch: StoredEvent[]) => Promise<void>,
    private readonly batchSize: number,
  ) {
    source.on('readable', this.notify);
    source.on('end', this.onEnd);
    source.on('close', this.onEnd);
    source.on('error', this.onError);
    this.done = this.pump();
    // the caller may never look at `done`; its failure is still reported there when it does
    this.done.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.notify();
    await this.done.catch(() => undefined);
  }

  private readonly notify = () => {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  };

  private readonly onEnd = () => {
    this.ended = true;
    this.notify();
  };

  private readonly onError = (error: unknown) => {
    this.failure ??= error;
    this.notify();
  };

  private async pump(): Promise<void> {
    try {
      while (!this.closing) {
        if (this.failure !== null) throw this.failure;
        const batch: StoredEvent[] = [];
        let drained = false;
        while (batch.length < this.batchSize) {
          const item = this.source.read();
          if (item === null) {
            drained = true;
            break;
          }
          const event = this.convert(item);
          if (event) batch.push(event);
        }
        if (batch.length > 0) {
          await this.handler(batch);
          continue;
        }
        if (!drained) continue;
        if (this.ended) throw new Error('the EventStoreDB subscription to $all ended unexpectedly');
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      this.source.off('readable', this.notify);
      this.source.off('end', this.onEnd);
      this.source.off('close', this.onEnd);
      // errors after the end (the cancellation itself) are no one's concern any more
      await this.source.unsubscribe().catch(() => undefined);
    }
  }
}
