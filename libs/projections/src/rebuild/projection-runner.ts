import type { EventStore, Subscription } from '@cafeia/event-store/event-store.port';
import type { ProjectionEngine } from '../engine/projection-engine';
import { DEFAULT_BATCH_SIZE } from './catch-up';

export type ProjectionState = 'stopped' | 'catching-up' | 'live' | 'failed';

export interface ProjectionStatus {
  projection: string;
  /** last applied position */
  position: string | null;
  /** last position in the store */
  head: string | null;
  /** head − position (events on SQLite, where positions are gap-free; log distance on EventStoreDB) */
  lag: number;
  state: ProjectionState | 'rebuilding';
  error?: string;
}

/** Keeps one engine applying the store's log live (catch-up subscription from its checkpoint). */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly store: Pick<EventStore, 'subscribeAll' | 'headPosition'>,
    readonly engine: ProjectionEngine,
    private readonly options: { batchSize?: number; projection?: string } = {},
  ) {}

  async start(): Promise<void> {
    if (this.subscription) return;
    this.failure = null;
    const after = (await this.engine.checkpoint())?.position;
    const subscription = this.store.subscribeAll(
      async (batch) => {
        await this.engine.apply(batch);
      },
      { ...(after ? { after } : {}), batchSize: this.options.batchSize ?? DEFAULT_BATCH_SIZE },
    );
    this.subscription = subscription;
    subscription.done.catch((error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
      if (this.subscription === subscription) this.subscription = null;
    });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) await subscription.close();
  }

  async status(): Promise<ProjectionStatus> {
    const [checkpoint, head] = await Promise.all([this.engine.checkpoint(), this.store.headPosition()]);
    const position = checkpoint?.position ?? null;
    const lag = head === null ? 0 : Math.max(0, Number(BigInt(head) - BigInt(position ?? '0')));
    const state: ProjectionState = this.failure ? 'failed' : !this.subscription ? 'stopped' : lag === 0 ? 'live' : 'catching-up';
    return {
      projection: this.options.projection ?? 'read-models',
      position,
      head,
      lag,
      state,
      ...(this.failure ? { error: this.failure.message } : {}),
    };
  }
}
