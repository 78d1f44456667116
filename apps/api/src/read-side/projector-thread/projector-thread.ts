import { join } from 'node:path';
import type { GenerationCatalog } from '@cafeia/database';
import type { ProjectionStatus, ReadModelDb, RebuildReport } from '@cafeia/projections';
import { startThread, type StartedThread } from '@cafeia/threads';
import type { Kysely } from 'kysely';
import type { ProjectorThreadData } from './projector-thread-data';

export type ProjectorThreadStatus = ProjectionStatus & { generation: string | null; rebuild: { position: string | null } | null };

/**
 * The API's side of the projector thread: the same face as `LiveReadModels` (what reads use now, status,
 * rebuild, stop), with the projecting done in the thread. Reads go to the generation the thread last
 * promoted, through a connection of this thread; a retired generation is closed here when the thread is
 * about to drop it.
 */
export class ProjectorThread {
  private reader: { name: string; db: Kysely<ReadModelDb> } | null = null;
  private readonly retired = new Map<string, Kysely<ReadModelDb>>();

  private constructor(
    private readonly thread: StartedThread,
    private readonly catalog: GenerationCatalog,
  ) {}

  static async start(options: {
    data: ProjectorThreadData;
    /** the catalog this thread reads generations through (the same place as `data.catalog`) */
    catalog: GenerationCatalog;
    onFailure?: (failure: { message: string; consecutiveFailures: number; retryInMs: number }) => void;
  }): Promise<ProjectorThread> {
    let self: ProjectorThread | null = null;
    const thread = await startThread(join(__dirname, 'projector.thread'), {
      workerData: options.data,
      handlers: { release: (generation: string) => self?.release(generation) },
    });
    self = new ProjectorThread(thread, options.catalog);
    thread.channel.on<string>('generation', (generation) => self!.follow(generation));
    if (options.onFailure) thread.channel.on('failure', options.onFailure);
    self.follow((await thread.channel.call<string | null>('generation'))!);
    return self;
  }

  /** the event store committed: the thread reads it now rather than at its next poll */
  news(): void {
    this.thread.channel.emit('news');
  }

  get db(): Kysely<ReadModelDb> {
    if (!this.reader) throw new Error('ProjectorThread: stopped');
    return this.reader.db;
  }

  get generation(): string | null {
    return this.reader?.name ?? null;
  }

  status(): Promise<ProjectorThreadStatus> {
    return this.thread.channel.call<ProjectorThreadStatus>('status');
  }

  projectionStatus(): Promise<ProjectorThreadStatus> {
    return this.status();
  }

  rebuild(): Promise<RebuildReport> {
    return this.thread.channel.call<RebuildReport>('rebuild');
  }

  async stop(): Promise<void> {
    await this.thread.stop();
    for (const db of this.retired.values()) await db.destroy().catch(() => undefined);
    this.retired.clear();
    await this.reader?.db.destroy();
    this.reader = null;
  }

  private follow(generation: string): void {
    if (this.reader?.name === generation) return;
    const previous = this.reader;
    this.reader = { name: generation, db: this.catalog.open<ReadModelDb>(generation) };
    if (previous) this.retired.set(previous.name, previous.db);
  }

  private async release(generation: string): Promise<void> {
    const db = this.retired.get(generation);
    this.retired.delete(generation);
    await db?.destroy();
  }
}
