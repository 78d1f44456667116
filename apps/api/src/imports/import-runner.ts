import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@cafeia/config';
import { isImportFileError, planImport } from '@cafeia/imports';
import type { Territories } from '@cafeia/territories';
import type { RequestContext } from '../infrastructure/request-context';
import { APP_CONFIG, TERRITORIES } from '../infrastructure/tokens';
import { ImportJob, ImportProblem, ImportProgress, reportErrors } from './import-job';
import { ImportJobStore } from './import-job.store';
import { importOptions } from './import-options';
import { ImportRequests, laterPosition, SendOutcome } from './import-requests';
import { RowWindow } from './row-window';
import { IMPORT_JOBS } from './import.tokens';

/** a runner that has not renewed its lease for this long is taken for dead: its job is resumed elsewhere */
export const LEASE_MS = 5_000;
/** progress is committed every so many rows or milliseconds, whichever comes first */
const COMMIT_ROWS = 500;
const COMMIT_MS = 250;
/** the import hands the event loop back this often, so that reads are answered while it runs */
const YIELD_MS = 10;
const POLL_MS = 1_000;

/**
 * One runner per process: it claims the oldest waiting job (queued, or left running by a process that died), sends
 * its rows through the API's commands and commits the counts every few hundred rows. A row's commands run before
 * the row is counted, and rows are idempotent by their ids, so a job resumed from its last commit runs some rows
 * twice but counts each once: never half-counted.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, OnModuleDestroy {
  readonly runnerId = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger('imports');
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    @Inject(IMPORT_JOBS) private readonly store: ImportJobStore,
    private readonly requests: ImportRequests,
    @Inject(TERRITORIES) private readonly territories: Territories,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.runLoop();
  }

  /** stops after the rows in hand are committed; the job is handed back for the next start (or another replica) */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
  }

  /** a job was queued: look now rather than at the next poll */
  wake(): void {
    this.wakeUp?.();
  }

  private async runLoop(): Promise<void> {
    while (!this.stopping) {
      let job: ImportJob | null = null;
      try {
        job = await this.store.claim(this.runnerId, Date.now(), LEASE_MS);
      } catch (error) {
        this.logger.warn({ msg: 'claiming an import job failed', error: String(error) });
      }
      if (job) {
        await this.run(job).catch((error) => this.logger.error({ msg: 'an import job could not be run', job: job!.id, error: String(error) }));
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        timer.unref();
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private async run(job: ImportJob): Promise<void> {
    const file = await this.store.file(job.id);
    const progress: ImportProgress = structuredClone(job.progress);
    const fail = (problem: ImportProblem) => this.store.finish(job.id, this.runnerId, 'failed', progress, problem, Date.now());
    if (!file) {
      await fail({ status: 500, code: 'import_file_missing', detail: 'Le fichier de cet import n’a pas été conservé : envoyez-le à nouveau.' });
      return;
    }
    this.logger.log({ msg: job.progress.processed > 0 ? 'resuming an import job' : 'starting an import job', job: job.id, kind: job.kind, rows: job.rows, from: job.progress.processed });
    const ctx: RequestContext = { principal: job.principal, correlationId: job.id, idempotencyKey: null };
    const alreadyDone = job.progress.processed;
    let index = 0;
    let committedOnce = false;
    let lastCommit = Date.now();
    let lastYield = Date.now();
    let line = 0;
    const commitEvery = this.config.faultInjection === 'kill-mid-import' ? 50 : COMMIT_ROWS;
    const where = { kind: job.kind, columns: job.details.columns ?? [] };
    const window = new RowWindow({
      row: (outcome) => this.requests.sendRow(outcome.requests, ctx, { ...where, line: outcome.line }),
      attendance: (cafeId, rows) => this.requests.sendAttendance(cafeId, rows, ctx, where),
    });
    /** counts the rows of the window (all sent by now) and commits them with the lease; false when the lease was lost */
    const commit = async (): Promise<boolean> => {
      for (const { outcome } of await window.drain()) this.count(outcome, progress);
      // crash tests: die with rows sent but not yet counted, half-way through a file of some size
      if (this.config.faultInjection === 'kill-mid-import' && job.rows >= 200 && committedOnce && progress.processed >= job.rows / 2) process.kill(process.pid, 'SIGKILL');
      const kept = await this.store.commit(job.id, this.runnerId, progress, Date.now());
      if (!kept) this.logger.warn({ msg: 'an import job was taken over by another runner', job: job.id });
      committedOnce = true;
      lastCommit = Date.now();
      return kept;
    };
    try {
      const plan = await planImport(file, importOptions(this.territories, { kind: job.kind, importerKey: job.principal.sub, coopStructureId: job.coopStructureId }));
      for await (const outcome of plan.outcomes) {
        if (++index <= alreadyDone) continue; // counted before a restart
        line = outcome.line;
        await window.add(outcome);
        if (window.size >= commitEvery || Date.now() - lastCommit >= COMMIT_MS || this.stopping) {
          if (!(await commit())) return;
          if (this.stopping) {
            await this.store.release(job.id, this.runnerId);
            return;
          }
        }
        if (Date.now() - lastYield >= YIELD_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = Date.now();
        }
      }
      for (const { outcome } of await window.drain()) this.count(outcome, progress);
      await this.store.finish(job.id, this.runnerId, 'done', progress, null, Date.now());
      this.logger.log({ msg: 'import job done', job: job.id, accepted: progress.accepted, rejected: progress.rejected });
    } catch (error) {
      if (isImportFileError(error)) {
        await fail({ status: error.status, code: error.code, detail: error.message });
        return;
      }
      this.logger.error({ msg: 'an import job stopped on an unexpected error', job: job.id, line, error: error instanceof Error ? error.stack : String(error) });
      await fail({
        status: 500,
        code: 'import_interrupted',
        detail: `L’import s’est arrêté sur une erreur inattendue vers la ligne ${line} ; les ${progress.processed} premières lignes sont traitées et comptées. Réessayez plus tard : les lignes déjà importées ne seront pas créées une deuxième fois.`,
      });
    }
  }

  private count(outcome: SendOutcome | 'skipped', progress: ImportProgress): void {
    progress.processed++;
    if (outcome === 'skipped') {
      progress.skipped++;
      return;
    }
    if (outcome.ok) {
      progress.accepted++;
      progress.position = laterPosition(progress.position, outcome.position);
    } else {
      progress.rejected++;
      reportErrors(progress, outcome.errors);
    }
  }

}

