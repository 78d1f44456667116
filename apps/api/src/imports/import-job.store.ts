import { Kysely, PostgresAdapter, sql } from 'kysely';
import type { RowError } from '@cafeia/imports';
import type { Principal } from '../auth/principal';
import type { ImportJob, ImportProblem, ImportProgress, ImportStatus, NewImportJob } from './import-job';

/**
 * Import jobs, their progress and report, and the uploaded file until the job ends, in the API's own database
 * (DATA_DIR/api.db, or schema `api` in PostgreSQL, so that every API replica sees every job). A runner *claims* a
 * job with a lease it renews at each commit; a job whose lease ran out (its process died) is claimed again and
 * resumed from its last committed row.
 */
interface ImportTables {
  import_jobs: {
    id: string;
    kind: string;
    dry_run: number;
    status: string;
    owner: string;
    principal: string;
    format: string | null;
    details: string;
    coop_structure_id: string | null;
    rows: number;
    processed: number;
    accepted: number;
    rejected: number;
    skipped: number;
    errors: string;
    errors_truncated: number;
    position: string | null;
    problem: string | null;
    created_ms: number;
    started_ms: number | null;
    finished_ms: number | null;
    runner: string | null;
    heartbeat_ms: number;
  };
  import_files: { job_id: string; bytes: Uint8Array };
}

type JobRow = ImportTables['import_jobs'];

export class ImportJobStore {
  private constructor(private readonly db: Kysely<ImportTables>) {}

  static async open(db: Kysely<any>): Promise<ImportJobStore> {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('import_jobs')
      .ifNotExists()
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('dry_run', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('principal', 'text', (c) => c.notNull())
      .addColumn('format', 'varchar(8)')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('coop_structure_id', 'varchar(36)')
      .addColumn('rows', 'integer', (c) => c.notNull())
      .addColumn('processed', 'integer', (c) => c.notNull())
      .addColumn('accepted', 'integer', (c) => c.notNull())
      .addColumn('rejected', 'integer', (c) => c.notNull())
      .addColumn('skipped', 'integer', (c) => c.notNull())
      .addColumn('errors', 'text', (c) => c.notNull())
      .addColumn('errors_truncated', 'integer', (c) => c.notNull())
      .addColumn('position', 'varchar(40)')
      .addColumn('problem', 'text')
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .addColumn('started_ms', 'bigint')
      .addColumn('finished_ms', 'bigint')
      .addColumn('runner', 'varchar(100)')
      .addColumn('heartbeat_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('import_jobs_status').ifNotExists().on('import_jobs').columns(['status', 'created_ms']).execute();
    await db.schema.createIndex('import_jobs_owner').ifNotExists().on('import_jobs').columns(['owner', 'created_ms']).execute();
    await db.schema
      .createTable('import_files')
      .ifNotExists()
      .addColumn('job_id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('bytes', postgres ? sql`bytea` : 'blob', (c) => c.notNull())
      .execute();
    return new ImportJobStore(db as Kysely<ImportTables>);
  }

  /** a job and its file (none for a dry run, unless it is kept to be imported for real after) in one transaction */
  async create(job: NewImportJob, file: Uint8Array | null, nowMs: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('import_jobs')
        .values({
          id: job.id,
          kind: job.kind,
          dry_run: job.dryRun ? 1 : 0,
          status: job.status,
          owner: job.owner,
          principal: JSON.stringify(job.principal),
          format: job.format,
          details: JSON.stringify(job.details),
          coop_structure_id: job.coopStructureId,
          rows: job.rows,
          processed: job.progress.processed,
          accepted: job.progress.accepted,
          rejected: job.progress.rejected,
          skipped: job.progress.skipped,
          errors: JSON.stringify(job.progress.errors),
          errors_truncated: job.progress.errorsTruncated ? 1 : 0,
          position: job.progress.position,
          problem: null,
          created_ms: nowMs,
          started_ms: job.status === 'done' ? nowMs : null,
          finished_ms: job.status === 'done' ? nowMs : null,
          runner: null,
          heartbeat_ms: 0,
        })
        .execute();
      if (file) await trx.insertInto('import_files').values({ job_id: job.id, bytes: file }).execute();
    });
  }

  async get(id: string): Promise<ImportJob | null> {
    const row = await this.db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /** the newest jobs first: one owner's, or everyone's (council) */
  async list(owner: string | null, limit: number): Promise<ImportJob[]> {
    let query = this.db.selectFrom('import_jobs').selectAll().orderBy('created_ms', 'desc').orderBy('id').limit(limit);
    if (owner !== null) query = query.where('owner', '=', owner);
    return (await query.execute()).map(toJob);
  }

  async file(id: string): Promise<Buffer | null> {
    const row = await this.db.selectFrom('import_files').select('bytes').where('job_id', '=', id).executeTakeFirst();
    return row ? Buffer.from(row.bytes) : null;
  }

  async hasFile(id: string): Promise<boolean> {
    return (await this.db.selectFrom('import_files').select('job_id').where('job_id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** a dry run's file, once imported for real (or kept too long), is deleted */
  async dropFile(id: string): Promise<void> {
    await this.db.deleteFrom('import_files').where('job_id', '=', id).execute();
  }

  /** the files of dry runs created before `beforeMs` that were never imported for real (running jobs keep theirs) */
  async dropDryRunFilesBefore(beforeMs: number): Promise<void> {
    const stale = this.db.selectFrom('import_jobs').select('id').where('dry_run', '=', 1).where('created_ms', '<', beforeMs);
    await this.db.deleteFrom('import_files').where('job_id', 'in', stale).execute();
  }

  /**
   * Takes the oldest job waiting (queued, or running under a lease that ran out: its runner died) for `runner`.
   * The guarded update makes two runners claiming at once take it once.
   */
  async claim(runner: string, nowMs: number, leaseMs: number): Promise<ImportJob | null> {
    const expired = nowMs - leaseMs;
    const claimable = (query: any) =>
      query.where((eb: any) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_ms', '<', expired)])]));
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = await claimable(this.db.selectFrom('import_jobs').select(['id', 'heartbeat_ms', 'status']))
        .orderBy('created_ms')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return null;
      const updated = await this.db
        .updateTable('import_jobs')
        .set({ status: 'running', runner, heartbeat_ms: nowMs, started_ms: sql`coalesce(started_ms, ${nowMs})` as never })
        .where('id', '=', candidate.id)
        .where('status', '=', candidate.status)
        .where('heartbeat_ms', '=', candidate.heartbeat_ms)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1) return this.get(candidate.id);
    }
    return null;
  }

  /** the progress of the rows done since the last commit, and the lease renewed; false when the lease was lost */
  async commit(id: string, runner: string, progress: ImportProgress, nowMs: number): Promise<boolean> {
    const updated = await this.db
      .updateTable('import_jobs')
      .set({ ...progressColumns(progress), heartbeat_ms: nowMs })
      .where('id', '=', id)
      .where('runner', '=', runner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** the job ends (done, or failed with its problem) and its file is deleted, in one transaction */
  async finish(id: string, runner: string, status: Extract<ImportStatus, 'done' | 'failed'>, progress: ImportProgress, problem: ImportProblem | null, nowMs: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('import_jobs')
        .set({ ...progressColumns(progress), status, problem: problem ? JSON.stringify(problem) : null, finished_ms: nowMs, heartbeat_ms: nowMs })
        .where('id', '=', id)
        .where('runner', '=', runner)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      await trx.deleteFrom('import_files').where('job_id', '=', id).execute();
      return true;
    });
  }

  /** a runner stopping cleanly hands its job back at once (the next runner resumes it without waiting for the lease) */
  async release(id: string, runner: string): Promise<void> {
    await this.db.updateTable('import_jobs').set({ heartbeat_ms: 0 }).where('id', '=', id).where('runner', '=', runner).where('status', '=', 'running').execute();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
}

function progressColumns(progress: ImportProgress) {
  return {
    processed: progress.processed,
    accepted: progress.accepted,
    rejected: progress.rejected,
    skipped: progress.skipped,
    errors: JSON.stringify(progress.errors),
    errors_truncated: progress.errorsTruncated ? 1 : 0,
    position: progress.position,
  };
}

const optionalNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function toJob(row: JobRow): ImportJob {
  return {
    id: row.id,
    kind: row.kind as ImportJob['kind'],
    dryRun: Number(row.dry_run) === 1,
    status: row.status as ImportStatus,
    owner: row.owner,
    principal: JSON.parse(row.principal) as Principal,
    format: row.format as ImportJob['format'],
    details: JSON.parse(row.details) as ImportJob['details'],
    coopStructureId: row.coop_structure_id,
    rows: Number(row.rows),
    progress: {
      processed: Number(row.processed),
      accepted: Number(row.accepted),
      rejected: Number(row.rejected),
      skipped: Number(row.skipped),
      errors: JSON.parse(row.errors) as RowError[],
      errorsTruncated: Number(row.errors_truncated) === 1,
      position: row.position,
    },
    problem: row.problem ? (JSON.parse(row.problem) as ImportProblem) : null,
    createdMs: Number(row.created_ms),
    startedMs: optionalNumber(row.started_ms),
    finishedMs: optionalNumber(row.finished_ms),
  };
}
