import type { EventStore, Subscription } from '@cafeia/event-store';
import type { ProjectionEngine } from '../engine/projection-engine';
import { DEFAULT_BATCH_SIZE } from './catch-up';

/** `retrying`: the last batch failed (SQLITE_BUSY, a full disk…) and the runner will try again after a back-off */
export type ProjectionState = 'stopped' | 'catching-up' | 'live' | 'retrying';

export interface ProjectionStatus {
  projection: string;
  /** last applied position */
  position: string | null;
  /** last position in the store */
  head: string | null;
  /** head − position (events on SQLite, where positions are gap-free; log distance on EventStoreDB) */
  lag: number;
  state: ProjectionState | 'rebuilding';
  /** failures since the runner last applied a batch */
  consecutiveFailures: number;
  /** failures since the process started */
  failures: number;
  error?: string;
  /** when the next attempt starts (ISO), while retrying */
  retryAt?: string;
}

export interface ProjectionRunnerOptions {
  batchSize?: number;
  projection?: string;
  /** first back-off after a failure (doubles each time, default 500 ms) */
  retryMinMs?: number;
  /** longest back-off (default 30 s) */
  retryMaxMs?: number;
  /** told about every failure (logs, metrics) */
  onFailure?: (error: Error, consecutiveFailures: number, retryInMs: number) => void;
}

/**
 * Keeps one engine applying the store's log live (catch-up subscription from its checkpoint). A failed batch
 * (the engine rolled it back with its checkpoint) ends the subscription: the runner starts a new one from the
 * checkpoint after a back-off that doubles up to `retryMaxMs`, for as long as it takes, and says so in its status.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private running = false;
  private lastError: Error | null = null;
  private consecutiveFailures = 0;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAt: number | null = null;

  constructor(
    private readonly store: Pick<EventStore, 'subscribeAll' | 'headPosition'>,
    readonly engine: ProjectionEngine,
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.subscribe();
  }

  private async subscribe(): Promise<void> {
    this.retryTimer = null;
    this.retryAt = null;
    if (!this.running || this.subscription) return;
    let after: string | undefined;
    try {
      after = (await this.engine.checkpoint())?.position;
    } catch (error) {
      this.failed(error);
      return;
    }
    if (!this.running) return;
    const subscription = this.store.subscribeAll(
      async (batch) => {
        await this.engine.apply(batch);
        this.consecutiveFailures = 0;
        this.lastError = null;
      },
      { ...(after ? { after } : {}), batchSize: this.options.batchSize ?? DEFAULT_BATCH_SIZE },
    );
    this.subscription = subscription;
    subscription.done.then(
      () => {
        if (this.subscription === subscription) this.subscription = null;
      },
      (error: unknown) => {
        if (this.subscription === subscription) this.subscription = null;
        this.failed(error);
      },
    );
  }

  private failed(error: unknown): void {
    this.lastError = error instanceof Error ? error : new Error(String(error));
    this.consecutiveFailures += 1;
    this.failures += 1;
    if (!this.running) return;
    const min = this.options.retryMinMs ?? 500;
    const max = this.options.retryMaxMs ?? 30_000;
    const delay = Math.min(max, min * 2 ** Math.min(this.consecutiveFailures - 1, 20));
    this.options.onFailure?.(this.lastError, this.consecutiveFailures, delay);
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => void this.subscribe(), delay);
    this.retryTimer.unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) await subscription.close();
  }

  async status(): Promise<ProjectionStatus> {
    const [checkpoint, head] = await Promise.all([this.engine.checkpoint().catch(() => null), this.store.headPosition()]);
    const position = checkpoint?.position ?? null;
    const lag = head === null ? 0 : Math.max(0, Number(BigInt(head) - BigInt(position ?? '0')));
    const state: ProjectionState = !this.running ? 'stopped' : this.retryTimer || !this.subscription ? 'retrying' : lag === 0 ? 'live' : 'catching-up';
    return {
      projection: this.options.projection ?? 'read-models',
      position,
      head,
      lag,
      state,
      consecutiveFailures: this.consecutiveFailures,
      failures: this.failures,
      ...(this.lastError && state === 'retrying' ? { error: this.lastError.message } : {}),
      ...(this.retryAt !== null ? { retryAt: new Date(this.retryAt).toISOString() } : {}),
    };
  }
}
