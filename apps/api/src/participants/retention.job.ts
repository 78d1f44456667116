import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig, Clock } from '@cafeia/config';
import { comparePositions, type EventStore } from '@cafeia/event-store';
import { ParticipantActivityQueries, type InactivePerson, type ReadModelQueries } from '@cafeia/projections';
import { Counter } from 'prom-client';
import type { RequestContext } from '../infrastructure/request-context';
import { APP_CONFIG, CLOCK, EVENT_STORE, READ_MODELS } from '../infrastructure/tokens';
import { Metrics } from '../operations/metrics';
import { ReadModelSource } from '../read-side/read-model-source';
import { ParticipantDirectory } from './participant-directory';
import { InProcessRunLock, PostgresRunLock, type RunLock } from './retention-lock';
import { retentionCutoff } from './retention-policy';

const DAY_MS = 86_400_000;
/** the first run comes a little after the start, so that a restart loop does not erase in a loop */
const FIRST_RUN_AFTER_MS = 10 * 60_000;
const PAGE = 500;
/** how long a run waits for the read models to reach the store's head before it gives up for the day */
const CATCH_UP_MS = 60_000;

export interface RetentionReport {
  outcome: 'done' | 'skipped-disabled' | 'skipped-locked' | 'skipped-behind' | 'dry-run';
  cutoff: string | null;
  /** erased (or, in a dry run, that would be) */
  people: number;
}

/**
 * Retention of personal data: every day, people with no registration, enrolment nor attendance for
 * RETENTION_MONTHS are erased exactly as `DELETE /v1/participants/{id}` erases (`ParticipantDirectory.erase`:
 * the event, then the key destroyed; every count stays). One instance runs it at a time (a PostgreSQL advisory
 * lock at scale). It reads who is inactive from the `participant_activity` read model, only once that model has
 * applied every event the store held when the run began (so a recent enrolment is never missed). Each run
 * logs one line and counts in `cafeia_retention_*`.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('retention');
  private readonly activity: ParticipantActivityQueries;
  private readonly lock: RunLock;
  private timer: NodeJS.Timeout | null = null;
  private readonly erasedTotal: Counter;
  private readonly runsTotal: Counter<'outcome'>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly queries: ReadModelQueries,
    source: ReadModelSource,
    private readonly people: ParticipantDirectory,
    metrics: Metrics,
  ) {
    this.activity = new ParticipantActivityQueries(() => source.db());
    this.lock = config.readModels === 'postgres' ? new PostgresRunLock(config.databaseUrl!, 'cafeia-retention') : new InProcessRunLock();
    this.erasedTotal = new Counter({ name: 'cafeia_retention_erased_total', help: 'People erased by the retention job (RETENTION_MONTHS without activity)', registers: [metrics.registry] });
    this.runsTotal = new Counter({ name: 'cafeia_retention_runs_total', help: 'Runs of the retention job by outcome', labelNames: ['outcome'] as const, registers: [metrics.registry] });
  }

  onApplicationBootstrap(): void {
    if (this.config.retentionMonths === 0) return;
    const tick = () => {
      void this.run().catch((error) => this.logger.error({ msg: 'the retention run failed; it will run again tomorrow', error: String(error) }));
      this.timer = setTimeout(tick, DAY_MS);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, FIRST_RUN_AFTER_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** who would go now, without changing anything */
  async dryRun(): Promise<RetentionReport> {
    if (this.config.retentionMonths === 0) return { outcome: 'skipped-disabled', cutoff: null, people: 0 };
    const cutoff = retentionCutoff(this.clock(), this.config.retentionMonths);
    return { outcome: 'dry-run', cutoff: cutoff.toISOString(), people: await this.activity.countInactive(cutoff.getTime()) };
  }

  async run(): Promise<RetentionReport> {
    const report = await this.runOnce();
    this.runsTotal.inc({ outcome: report.outcome });
    this.erasedTotal.inc(report.outcome === 'done' ? report.people : 0);
    this.logger.log({ msg: 'retention run', ...report, retentionMonths: this.config.retentionMonths });
    return report;
  }

  private async runOnce(): Promise<RetentionReport> {
    if (this.config.retentionMonths === 0) return { outcome: 'skipped-disabled', cutoff: null, people: 0 };
    const result = await this.lock.whileHeld(async (): Promise<RetentionReport> => {
      const cutoff = retentionCutoff(this.clock(), this.config.retentionMonths);
      if (!(await this.caughtUp())) return { outcome: 'skipped-behind', cutoff: cutoff.toISOString(), people: 0 };
      const ctx: RequestContext = { principal: { sub: 'system:retention', role: 'council' }, correlationId: randomUUID(), idempotencyKey: null };
      let erased = 0;
      let after: InactivePerson | undefined;
      for (;;) {
        const page = await this.activity.inactiveSince(cutoff.getTime(), PAGE, after);
        for (const person of page) {
          await this.people.erase(person.participantId, ctx);
          erased += 1;
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1];
      }
      return { outcome: 'done', cutoff: cutoff.toISOString(), people: erased };
    });
    return result ?? { outcome: 'skipped-locked', cutoff: null, people: 0 };
  }

  /** whether the read models have applied every event the store holds now (waiting up to a minute) */
  private async caughtUp(): Promise<boolean> {
    const head = await this.store.headPosition();
    if (head === null) return true;
    const deadline = Date.now() + CATCH_UP_MS;
    for (;;) {
      const { position } = await this.queries.position();
      if (position !== null && comparePositions(position, head) >= 0) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
