import type { ImportKind, RowError } from '@cafeia/imports';
import type { Principal } from '../auth/principal';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** the counts and the report of a job, as last committed (rows are counted only once their commands ran) */
export interface ImportProgress {
  /** data rows handled: accepted + rejected + skipped */
  processed: number;
  accepted: number;
  rejected: number;
  /** rows that are neither (La Coop's activities that are not AI workshops) */
  skipped: number;
  /** the first MAX_REPORTED_ERRORS row errors, in file order */
  errors: RowError[];
  errorsTruncated: boolean;
  /** global position of the last event the job appended (read with ?minPosition= to see its figures) */
  position: string | null;
}

/** why a job failed (a 5xx of a command, or a file problem found on the second reading) */
export interface ImportProblem {
  status: number;
  code: string;
  detail: string;
}

/** what was read of the file: its format and how it was decoded */
export interface ImportFileDetails {
  encoding?: string;
  delimiter?: string;
  sheetName?: string;
  headerLine?: number;
  /** the kind's columns the file has (English names) */
  columns?: readonly string[];
  ignoredColumns?: readonly string[];
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  dryRun: boolean;
  status: ImportStatus;
  /** who started it (`callerIdentity`): only they, and the council, see it */
  owner: string;
  /** the claims the rows are sent with, kept so that a resumed job has the same scopes */
  principal: Principal;
  format: 'csv' | 'xlsx' | null;
  details: ImportFileDetails;
  coopStructureId: string | null;
  /** data rows in the file */
  rows: number;
  progress: ImportProgress;
  problem: ImportProblem | null;
  createdMs: number;
  startedMs: number | null;
  finishedMs: number | null;
}

export type NewImportJob = Omit<ImportJob, 'problem' | 'createdMs' | 'startedMs' | 'finishedMs' | 'status'> & { status: 'queued' | 'done' };

/** the report keeps this many row errors; the counts go on */
export const MAX_REPORTED_ERRORS = 1_000;

export const emptyProgress = (): ImportProgress => ({ processed: 0, accepted: 0, rejected: 0, skipped: 0, errors: [], errorsTruncated: false, position: null });

/** adds a row's errors to the report, within its cap */
export function reportErrors(progress: ImportProgress, errors: readonly RowError[]): void {
  for (const error of errors) {
    if (progress.errors.length < MAX_REPORTED_ERRORS) progress.errors.push(error);
    else progress.errorsTruncated = true;
  }
}

/** `GET /v1/imports/{id}`: the job as API.md lists it, plus when it started and ended and what was read */
export function importJobView(job: ImportJob) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    dryRun: job.dryRun,
    format: job.format,
    rows: job.rows,
    processed: job.progress.processed,
    accepted: job.progress.accepted,
    rejected: job.progress.rejected,
    skipped: job.progress.skipped,
    errors: job.progress.errors,
    errorsTruncated: job.progress.errorsTruncated,
    position: job.progress.position,
    problem: job.problem,
    file: job.details,
    createdAt: iso(job.createdMs),
    startedAt: iso(job.startedMs),
    finishedAt: iso(job.finishedMs),
  };
}
