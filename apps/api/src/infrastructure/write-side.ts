import { Inject, Injectable } from '@nestjs/common';
import { decodeKnown, Decider, DomainEvent, schemaVersions } from '@cafeia/domain';
import { EventStore, handleCommand, loadStreamState, newEventId, StateCache, StoredEvent, StreamLocks } from '@cafeia/event-store';
import type { AppConfig, Clock } from '@cafeia/config';
import { Metrics } from '../operations/metrics';
import { RequestContext } from './request-context';
import { APP_CONFIG, CLOCK, EVENT_STORE } from './tokens';

export interface WriteOutcome<S> {
  state: S;
  events: StoredEvent[];
  /** position of the last event appended, or of the stream's last event when nothing was appended */
  position: string | null;
}

/** The API's door to the one command pipeline: metadata, ids, clock and metrics around `handleCommand`. */
@Injectable()
export class WriteSide {
  /** folded aggregate states: a command reads only what was appended since (see StateCache) */
  private readonly cache: StateCache<unknown>;
  /** the store groups concurrent appends into one transaction: commands on one stream queue instead of racing */
  private readonly locks = new StreamLocks();

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new StateCache<unknown>(config.stateCacheSize, { maxEvents: config.stateCacheMaxEvents });
  }

  now(): string {
    return this.clock().toISOString();
  }

  async execute<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    ctx: RequestContext,
    beforeAppend?: (events: E[], state: S) => Promise<void>,
  ): Promise<WriteOutcome<S>> {
    const outcome = await handleCommand(this.store, {
      streamId,
      decider,
      command,
      metadata: {
        correlationId: ctx.correlationId,
        causationId: null,
        actor: { sub: ctx.principal.sub, role: ctx.principal.role },
        recordedAt: this.now(),
      },
      newEventId,
      schemaVersionOf: (event: E) => schemaVersions[event.type],
      upcast: (event) => decodeKnown(event) as E,
      beforeAppend,
      cache: this.cache as StateCache<S>,
      locks: this.locks,
    });
    for (const event of outcome.events) this.metrics.eventsAppended.inc({ type: event.type });
    return { state: outcome.state, events: outcome.events, position: outcome.position };
  }

  /** Current state of one aggregate (for cross-aggregate checks and scopes). */
  async load<E extends DomainEvent, S>(streamId: string, decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>): Promise<{ state: S; position: string | null; exists: boolean }> {
    const { state, version, position } = await loadStreamState(this.store, streamId, decider, (e) => decodeKnown(e) as E, this.cache as StateCache<S>);
    return { state, position, exists: version >= 0 };
  }
}
