import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { checkImport, isImportFileError, planImport, type ImportKind, type ImportOptions } from '@cafeia/imports';
import type { Territories } from '@cafeia/territories';
import { Access } from '../auth/access';
import { callerIdentity, type Principal } from '../auth/principal';
import { forbidden, notFoundProblem, ProblemException } from '../http/problem';
import type { RequestContext } from '../infrastructure/request-context';
import { TERRITORIES } from '../infrastructure/tokens';
import { emptyProgress, ImportFileDetails, ImportJob, ImportProgress, reportErrors } from './import-job';
import { ImportJobStore } from './import-job.store';
import { mayImport, type ImportOperation } from './import-operations';
import { fileProblem, importOptions } from './import-options';
import { ImportRequests } from './import-requests';
import { ImportRunner } from './import-runner';
import { IMPORT_JOBS } from './import.tokens';
import { rowErrorsOf } from './row-refusal';

export interface ImportSubmission {
  kind: ImportKind;
  dryRun: boolean;
  /** La Coop's export: the structure its workshops belong to */
  coopStructureId?: string;
  /** a dry run keeps its file, so that it can be imported for real as it was checked (the web app's import page) */
  keepFile?: boolean;
}

/** a dry run's kept file is deleted after this long if it was not imported for real */
export const KEPT_FILE_MS = 24 * 3_600_000;

/**
 * Starting an import and reading its job. The whole file is read and checked before the answer (a refused file is
 * its 400/413/415/422 and leaves nothing behind); a dry run is then done, a real import queued for the runner.
 */
@Injectable()
export class ImportService {
  constructor(
    @Inject(IMPORT_JOBS) private readonly store: ImportJobStore,
    /** absent where no runner runs (the web app at scale): a queued job is then claimed by an API process */
    @Optional() private readonly runner: ImportRunner | undefined,
    private readonly requests: ImportRequests,
    private readonly access: Access,
    @Inject(TERRITORIES) private readonly territories: Territories,
  ) {}

  async submit(file: Buffer, submission: ImportSubmission, principal: Principal): Promise<ImportJob> {
    const { kind, dryRun, coopStructureId, keepFile = false } = submission;
    if (!mayImport(principal.role, kind)) throw forbidden(`The ${principal.role} role may not import ${kind}.`);
    if (coopStructureId) this.access.assertStructureInScope(principal, coopStructureId, 'Importing workshops for this structure');
    const options = importOptions(this.territories, { kind, importerKey: principal.sub, coopStructureId: coopStructureId ?? null });
    const id = randomUUID();
    const ctx: RequestContext = { principal, correlationId: id, idempotencyKey: null };
    let checked: { rows: number; format: ImportJob['format']; details: ImportFileDetails; progress: ImportProgress };
    try {
      checked = dryRun ? await this.dryRun(file, options, ctx) : await this.check(file, options);
    } catch (error) {
      if (isImportFileError(error)) throw fileProblem(error);
      throw error;
    }
    const job = {
      id,
      kind,
      dryRun,
      status: dryRun ? ('done' as const) : ('queued' as const),
      owner: callerIdentity(principal),
      principal,
      format: checked.format,
      details: checked.details,
      coopStructureId: coopStructureId ?? null,
      rows: checked.rows,
      progress: checked.progress,
    };
    const now = Date.now();
    if (dryRun && keepFile) await this.store.dropDryRunFilesBefore(now - KEPT_FILE_MS);
    await this.store.create(job, dryRun && !keepFile ? null : file, now);
    if (!dryRun) this.runner?.wake();
    return (await this.store.get(id))!;
  }

  /**
   * The file a dry run checked, imported for real by the caller who sent it: the same checks as a new upload (the
   * caller's role and scopes as they are now), then the dry run's copy of the file is deleted. A dry run whose file
   * was not kept, already imported or kept too long is a 409 (the file must be sent again); someone else's, a 404
   * or a 403 (the council, who may read it but not import it under their own name).
   */
  async importDryRun(dryRunId: string, principal: Principal): Promise<ImportJob> {
    const dryRun = await this.get(dryRunId, principal);
    if (dryRun.owner !== callerIdentity(principal)) throw forbidden('Only who sent a dry run may import its file.');
    const file = dryRun.dryRun && dryRun.status === 'done' ? await this.store.file(dryRunId) : null;
    if (!file) {
      throw new ProblemException(409, 'Le fichier de cet essai n’est plus conservé (il a déjà été importé, ou l’essai date de plus d’un jour) : envoyez-le à nouveau.', { code: 'dry_run_file_gone' });
    }
    const job = await this.submit(file, { kind: dryRun.kind, dryRun: false, coopStructureId: dryRun.coopStructureId ?? undefined }, principal);
    await this.store.dropFile(dryRunId);
    return job;
  }

  /** the caller's job (the council sees every job); anyone else's is unknown to them */
  async get(id: string, principal: Principal): Promise<ImportJob> {
    const job = await this.store.get(id);
    if (!job || (principal.role !== 'council' && job.owner !== callerIdentity(principal))) throw notFoundProblem(`No import job has the id ${id}.`, 'unknown_import');
    return job;
  }

  /**
   * a done dry run whose file is still kept, with rows to import, can be imported for real by whoever sent it only:
   * the ids of the rows derive from the importer, so the council importing someone's file would create other rows
   */
  async importable(job: ImportJob, principal: Principal): Promise<boolean> {
    return job.dryRun && job.status === 'done' && job.progress.accepted > 0 && job.owner === callerIdentity(principal) && (await this.store.hasFile(job.id));
  }

  async list(principal: Principal, limit: number): Promise<ImportJob[]> {
    return this.store.list(principal.role === 'council' ? null : callerIdentity(principal), limit);
  }

  /** the file-level check of a real import: the whole file read, nothing written; the rows are sent by the runner */
  private async check(file: Buffer, options: ImportOptions) {
    const report = await checkImport(file, { ...options, maxErrors: 0 });
    return { rows: report.rows, format: report.format, details: detailsOf(report), progress: emptyProgress() };
  }

  /**
   * A dry run: every row read and checked as the import would (values, the API's validation, the caller's role and
   * the scopes the row alone decides), nothing written. What depends on the store (a ref to a structure imported
   * earlier, a café's date against its attendance) is only known when the rows are sent.
   */
  private async dryRun(file: Buffer, options: ImportOptions, ctx: RequestContext) {
    const plan = await planImport(file, options);
    const progress = emptyProgress();
    for await (const outcome of plan.outcomes) {
      progress.processed++;
      if (outcome.status === 'skipped') progress.skipped++;
      else if (outcome.status === 'invalid') {
        progress.rejected++;
        reportErrors(progress, outcome.errors);
      } else {
        const errors = [];
        for (const request of outcome.requests) {
          if (request.operation === 'reachTrainingStatus') continue;
          const row = { line: outcome.line, kind: options.kind, columns: plan.columns };
          const validated = await this.requests.validate(request.operation, request.body, ctx, row);
          const refused = validated.ok ? this.outsideScope(request.operation, request.body, ctx.principal) : true;
          if (!validated.ok) errors.push(...validated.errors);
          else if (refused) errors.push(...rowErrorsOf({ status: 403, code: 'forbidden', detail: '' }, { ...row, operation: request.operation, principal: ctx.principal }));
          if (errors.length > 0) break;
        }
        if (errors.length > 0) {
          progress.rejected++;
          reportErrors(progress, errors);
        } else progress.accepted++;
      }
    }
    return { rows: progress.processed, format: plan.format, details: detailsOf(plan), progress };
  }

  /** the scope checks the handlers make from the body alone (the commune of a structure or an animator, an organizer's structure) */
  private outsideScope(operation: ImportOperation, body: Record<string, unknown>, principal: Principal): boolean {
    try {
      if (operation === 'registerStructure' || operation === 'registerAnimator') this.access.assertCommuneInScope(principal, String(body.communeCode), 'dry run');
      if (operation === 'scheduleCafe') this.access.assertStructureInScope(principal, String(body.structureId), 'dry run');
      return false;
    } catch {
      return true;
    }
  }
}

const detailsOf = (facts: ImportFileDetails): ImportFileDetails => ({
  encoding: facts.encoding,
  delimiter: facts.delimiter,
  sheetName: facts.sheetName,
  headerLine: facts.headerLine,
  columns: facts.columns,
  ignoredColumns: facts.ignoredColumns,
});

