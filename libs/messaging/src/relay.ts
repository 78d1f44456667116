import type { EventStore, StoredEvent, Subscription } from '@cafeia/event-store';
import { encodeBatch } from './envelope';
import type { MessagePublisher, PublishableMessage } from './kafka-publisher';
import type { RelayCheckpointStore } from './relay-checkpoint';

export interface RelayLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface RelayOptions {
  store: EventStore;
  publisher: MessagePublisher;
  checkpoints: RelayCheckpointStore;
  topic: string;
  /** events per Kafka request; default 500 */
  batchSize?: number;
  /**
   * batches read from the store and encoded ahead of the checkpoint: while the broker acknowledges one
   * batch and the checkpoint of another is saved, the next ones are read and encoded. Publishing stays
   * one request after the other (see `relay()`); default 4, 1 = the strictly sequential relay
   */
  maxInFlight?: number;
  /** wait before retrying a failed publish or checkpoint save, doubling up to maxMs; default 200 ms → 10 s */
  backoff?: { initialMs: number; maxMs: number };
  logger?: RelayLogger;
  /** how often progress is logged while events flow; default 10 s */
  progressEveryMs?: number;
}

/** Ends the subscription when the relay is stopped while retrying; not a failure. */
class RelayStopped extends Error {
  constructor() {
    super('relay stopped');
    this.name = 'RelayStopped';
  }
}

const consoleLogger: RelayLogger = {
  info: (message) => console.log(`[relay] ${message}`),
  warn: (message) => console.warn(`[relay] ${message}`),
};

/** a batch read from the store and encoded, not yet covered by the checkpoint */
interface Pending {
  last: string;
  count: number;
}

/**
 * Follows the store's global log from a durable checkpoint and publishes every event to one Kafka
 * topic, keyed by stream, in log order.
 *
 * At-least-once: a batch is published, the broker acknowledges it, and only then may the checkpoint
 * move to its last position — and only once every batch before it was acknowledged too. A crash repeats
 * what was published after the checkpoint; nothing is ever skipped, because a failed publish is
 * retried (with backoff) until it succeeds or the relay is stopped, and no later batch is sent before
 * it. Consumers de-duplicate by event id / position.
 *
 * Pipelined: up to `maxInFlight` batches are between the store and the checkpoint at once — the next
 * batches are read and encoded while the broker acknowledges the current one and while an earlier
 * checkpoint is saved. The publishes themselves go one after the other: kafkajs' idempotent producer
 * serialises its requests per broker anyway (a lock around each produce request and its sequence
 * numbers), and when a request fails it hands the failed request's sequence numbers to the next one
 * waiting, so two concurrent sends could land in the opposite order — per partition, a consumer would
 * then see a stream go backwards. Saves are coalesced: a save that finds several batches acknowledged
 * saves the last of them.
 *
 * Exactly one relay may run per topic: take a `RelayLock` before `start()` (see relay-lock.ts).
 */
export class Relay {
  private subscription: Subscription | null = null;
  private finished: Promise<void> = Promise.resolve();
  private stopping = false;
  private readonly abort = new AbortController();
  /** the position the checkpoint holds */
  private checkpointed: string | null = null;
  /** the last position of the last batch encoded (the previous position of the next message) */
  private encodedUpTo: string | null = null;
  /** the last position the broker acknowledged, every event before it acknowledged too */
  private acknowledgedUpTo: string | null = null;
  /** batches encoded and not yet covered by the checkpoint, in log order */
  private readonly pending: Pending[] = [];
  /** the chain of publishes: each starts once the one before it was acknowledged */
  private publishing: Promise<void> = Promise.resolve();
  private saving: Promise<void> | null = null;
  /** why the relay cannot go on (stopped while retrying); thrown to the subscription on its next batch */
  private failure: unknown = null;
  private roomWaiters: (() => void)[] = [];
  private relayedCount = 0;
  private lastProgressLog = 0;

  private readonly batchSize: number;
  private readonly maxInFlight: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly logger: RelayLogger;
  private readonly progressEveryMs: number;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.maxInFlight = options.maxInFlight ?? 4;
    if (!Number.isInteger(this.maxInFlight) || this.maxInFlight < 1) throw new RangeError(`maxInFlight must be a positive integer, got ${this.maxInFlight}`);
    this.backoff = options.backoff ?? { initialMs: 200, maxMs: 10_000 };
    this.logger = options.logger ?? consoleLogger;
    this.progressEveryMs = options.progressEveryMs ?? 10_000;
  }

  /** the position the checkpoint holds: every event up to it was acknowledged by the broker */
  get position(): string | null {
    return this.checkpointed;
  }

  /** events published since start (repeats after a crash included) */
  get relayed(): number {
    return this.relayedCount;
  }

  /** resolves when the relay stops, rejects when the store subscription fails */
  get done(): Promise<void> {
    return this.finished;
  }

  async start(): Promise<void> {
    if (this.subscription) throw new Error('relay already started');
    this.checkpointed = await this.options.checkpoints.load();
    this.encodedUpTo = this.acknowledgedUpTo = this.checkpointed;
    this.logger.info(
      `starting on topic ${this.options.topic} after ${this.checkpointed === null ? 'the beginning' : `position ${this.checkpointed}`}`,
    );
    this.subscription = this.options.store.subscribeAll((batch) => this.relay(batch), {
      after: this.checkpointed ?? undefined,
      batchSize: this.batchSize,
    });
    this.finished = this.subscription.done.catch((error: unknown) => {
      if (error instanceof RelayStopped) return;
      this.logger.warn(`subscription failed: ${describe(error)}`);
      throw error;
    });
  }

  /**
   * stops after the publish in flight: the batches read ahead and not yet sent are dropped (a new relay
   * reads them again), and the checkpoint is saved up to what the broker acknowledged
   */
  async stop(): Promise<void> {
    if (!this.subscription) return;
    this.stopping = true;
    this.abort.abort();
    this.wakeRoomWaiters();
    await this.subscription.close().catch(() => undefined);
    await this.finished.catch(() => undefined);
    await this.publishing.catch(() => undefined);
    await this.saving?.catch(() => undefined);
    this.logger.info(`stopped at position ${this.checkpointed ?? 'none'} (${this.relayedCount} events relayed)`);
  }

  /**
   * The subscription's handler: encodes the batch, queues its publish behind the previous one and
   * returns as soon as there is room for another batch, so that the store is read while the broker works.
   */
  private async relay(batch: StoredEvent[]): Promise<void> {
    if (batch.length === 0) return;
    await this.roomForABatch();
    const messages = encodeBatch(batch, this.encodedUpTo);
    const entry: Pending = { last: batch[batch.length - 1].position, count: batch.length };
    this.encodedUpTo = entry.last;
    this.pending.push(entry);
    this.publishing = this.publishing.then(() => this.publish(messages, entry));
    // a failed link fails every later one (none is sent after a batch that was not): keep the first reason
    this.publishing.catch((error: unknown) => {
      this.failure ??= error;
      this.wakeRoomWaiters();
    });
  }

  private async publish(messages: PublishableMessage[], entry: Pending): Promise<void> {
    if (this.stopping) throw new RelayStopped();
    await this.retrying('publish', () => this.options.publisher.publish(this.options.topic, messages));
    this.acknowledgedUpTo = entry.last;
    this.relayedCount += entry.count;
    const now = Date.now();
    if (now - this.lastProgressLog >= this.progressEveryMs) {
      this.lastProgressLog = now;
      this.logger.info(`relayed ${this.relayedCount} events, at position ${entry.last}`);
    }
    this.saveCheckpoint();
  }

  /** saves the acknowledged position, one save at a time; a save that ends with more acknowledged saves again */
  private saveCheckpoint(): void {
    if (this.saving) return;
    this.saving = (async () => {
      while (this.acknowledgedUpTo !== null && this.acknowledgedUpTo !== this.checkpointed) {
        const position = this.acknowledgedUpTo;
        await this.retrying('checkpoint save', () => this.options.checkpoints.save(position));
        this.checkpointed = position;
        // the batches the checkpoint now covers leave the window
        while (this.pending.length > 0 && this.pending[0].last !== position) this.pending.shift();
        this.pending.shift();
        this.wakeRoomWaiters();
      }
    })()
      .catch((error: unknown) => {
        this.failure ??= error;
        this.wakeRoomWaiters();
      })
      .finally(() => {
        this.saving = null;
      });
  }

  private async roomForABatch(): Promise<void> {
    for (;;) {
      if (this.failure !== null) throw this.failure;
      if (this.stopping) throw new RelayStopped();
      if (this.pending.length < this.maxInFlight) return;
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
  }

  private wakeRoomWaiters(): void {
    for (const wake of this.roomWaiters.splice(0)) wake();
  }

  /** runs `action` until it succeeds; gives up only when the relay is stopping */
  private async retrying(what: string, action: () => Promise<void>): Promise<void> {
    let delay = this.backoff.initialMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await action();
        if (attempt > 1) this.logger.info(`${what} succeeded after ${attempt} attempts`);
        return;
      } catch (error) {
        if (this.stopping) throw new RelayStopped();
        this.logger.warn(`${what} failed (attempt ${attempt}): ${describe(error)}; retrying in ${delay} ms`);
        await sleep(delay, this.abort.signal);
        if (this.stopping) throw new RelayStopped();
        delay = Math.min(delay * 2, this.backoff.maxMs);
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    // removed after each sleep, so that a long outage does not pile listeners on the signal
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
