import type { EventStore, StoredEvent, Subscription } from '@cafeia/event-store';
import { encodeBatch } from './envelope';
import type { MessagePublisher } from './kafka-publisher';
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

/**
 * Follows the store's global log from a durable checkpoint and publishes every event to one Kafka
 * topic, keyed by stream, in log order.
 *
 * At-least-once: a batch is published, the broker acknowledges it, and only then does the checkpoint
 * move. A crash between the two repeats that batch on restart; nothing is ever skipped, because a
 * failed publish is retried (with backoff) until it succeeds or the relay is stopped. Consumers
 * de-duplicate by event id / position.
 *
 * Exactly one relay may run per topic: take a `RelayLock` before `start()` (see relay-lock.ts).
 */
export class Relay {
  private subscription: Subscription | null = null;
  private finished: Promise<void> = Promise.resolve();
  private stopping = false;
  private readonly abort = new AbortController();
  private acknowledged: string | null = null;
  private relayedCount = 0;
  private lastProgressLog = 0;

  private readonly batchSize: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly logger: RelayLogger;
  private readonly progressEveryMs: number;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.backoff = options.backoff ?? { initialMs: 200, maxMs: 10_000 };
    this.logger = options.logger ?? consoleLogger;
    this.progressEveryMs = options.progressEveryMs ?? 10_000;
  }

  /** the position of the last event the broker acknowledged (and the checkpoint holds) */
  get position(): string | null {
    return this.acknowledged;
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
    this.acknowledged = await this.options.checkpoints.load();
    this.logger.info(
      `starting on topic ${this.options.topic} after ${this.acknowledged === null ? 'the beginning' : `position ${this.acknowledged}`}`,
    );
    this.subscription = this.options.store.subscribeAll((batch) => this.relay(batch), {
      after: this.acknowledged ?? undefined,
      batchSize: this.batchSize,
    });
    this.finished = this.subscription.done.catch((error: unknown) => {
      if (error instanceof RelayStopped) return;
      this.logger.warn(`subscription failed: ${describe(error)}`);
      throw error;
    });
  }

  /** stops after the batch in flight (its checkpoint is saved if its publish succeeded) */
  async stop(): Promise<void> {
    if (!this.subscription) return;
    this.stopping = true;
    this.abort.abort();
    await this.subscription.close().catch(() => undefined);
    await this.finished.catch(() => undefined);
    this.logger.info(`stopped at position ${this.acknowledged ?? 'none'} (${this.relayedCount} events relayed)`);
  }

  private async relay(batch: StoredEvent[]): Promise<void> {
    if (batch.length === 0) return;
    const messages = encodeBatch(batch, this.acknowledged);
    await this.retrying('publish', () => this.options.publisher.publish(this.options.topic, messages));
    const last = batch[batch.length - 1].position;
    await this.retrying('checkpoint save', () => this.options.checkpoints.save(last));
    this.acknowledged = last;
    this.relayedCount += batch.length;
    const now = Date.now();
    if (now - this.lastProgressLog >= this.progressEveryMs) {
      this.lastProgressLog = now;
      this.logger.info(`relayed ${this.relayedCount} events, at position ${last}`);
    }
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
