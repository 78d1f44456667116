import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@cafeia/config';
import { generationCatalog, GenerationCatalog } from '@cafeia/database';
import { SqliteEventStore, type EventStore } from '@cafeia/event-store';
import { LiveReadModels, migrateReadModels, ReadModelDb, ReadModelSchemaOutdated, TerritoryDirectory } from '@cafeia/projections';
import type { Kysely } from 'kysely';
import { ProjectorThread } from './projector-thread/projector-thread';

/** what projects the read models in this process: in a thread of its own (default), or on the event loop */
export type EmbeddedProjector = Pick<LiveReadModels, 'db' | 'generation' | 'status' | 'projectionStatus' | 'rebuild' | 'stop'>;

/**
 * The read models this process serves.
 *  - embedded default (no Kafka): it also projects them, following the store live (`LiveReadModels`);
 *  - at scale (a separate projector): it only reads the current generation, and follows the catalog's
 *    pointer so a rebuild done elsewhere is picked up.
 */
export class ReadModelSource {
  private readonly logger = new Logger('read-models');
  private live: EmbeddedProjector | null = null;
  private reader: { name: string; db: Kysely<ReadModelDb> } | null = null;
  private follow: NodeJS.Timeout | null = null;
  /** told when the in-process projector fails a batch (metrics) */
  onFailure: (() => void) | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly store: EventStore,
    private readonly territories: TerritoryDirectory,
    readonly catalog: GenerationCatalog = catalogFor(config),
  ) {}

  get projecting(): boolean {
    return this.live !== null;
  }

  get liveReadModels(): EmbeddedProjector | null {
    return this.live;
  }

  db(): Kysely<ReadModelDb> {
    if (this.live) return this.live.db;
    if (this.reader) return this.reader.db;
    throw new Error('read models not started');
  }

  async start(): Promise<void> {
    if (this.config.embeddedProjector && this.config.embeddedProjectorWorker && this.store instanceof SqliteEventStore) {
      const thread = await ProjectorThread.start({
        catalog: this.catalog,
        data: {
          eventStoreFile: join(this.config.dataDir, 'events.db'),
          catalog: this.config.readModels === 'postgres' ? { kind: 'postgres', url: this.config.databaseUrl! } : { kind: 'sqlite', dir: join(this.config.dataDir, 'read-models') },
          batchSize: this.config.projectionBatchSize,
          retireAfterMs: this.config.rebuildRetireAfterMs,
          liveLingerMs: 15,
          checkpointEveryMs: 1000,
        },
        onFailure: ({ message, consecutiveFailures, retryInMs }) => {
          this.onFailure?.();
          this.logger.error({ msg: 'the projector failed to apply a batch; it will retry', error: message, consecutiveFailures, retryInMs });
        },
      });
      this.store.onCommit = () => thread.news();
      this.live = thread;
      this.logger.log({ msg: 'projecting read models in a worker thread', generation: thread.generation });
      return;
    }
    if (this.config.embeddedProjector) {
      const live = new LiveReadModels({
        catalog: this.catalog,
        store: this.store,
        territories: this.territories,
        batchSize: this.config.projectionBatchSize,
        retireAfterMs: this.config.rebuildRetireAfterMs,
        runner: {
          onFailure: (error, consecutiveFailures, retryInMs) => {
            this.onFailure?.();
            this.logger.error({ msg: 'the projector failed to apply a batch; it will retry', error: error.message, consecutiveFailures, retryInMs });
          },
        },
      });
      await live.start();
      this.live = live;
      this.logger.log({ msg: 'projecting read models in process', generation: live.generation });
      return;
    }
    await this.openCurrent();
    this.follow = setInterval(() => void this.openCurrent().catch((error) => this.logger.warn({ msg: 'following the read-model generation failed', error: String(error) })), 2000);
    this.follow.unref();
  }

  private async openCurrent(): Promise<void> {
    let name = await this.catalog.current();
    if (!name) {
      // nothing projected yet: create the first generation so reads answer (empty) until the projector fills it
      name = this.catalog.newGeneration();
      const db = this.catalog.open<ReadModelDb>(name);
      await migrateReadModels(db, this.catalog.schemaOf(name));
      await this.catalog.promote(name);
      await db.destroy();
      name = (await this.catalog.current()) ?? name;
    }
    if (this.reader?.name === name) return;
    const db = this.catalog.open<ReadModelDb>(name);
    try {
      await migrateReadModels(db, this.catalog.schemaOf(name));
    } catch (error) {
      // a generation of another release's schema: read it as it is until the projector promotes a rebuilt one
      if (!(error instanceof ReadModelSchemaOutdated)) throw error;
      this.logger.warn({ msg: 'the live read models were written by another release; serving them until the projector rebuilds', generation: name });
    }
    const previous = this.reader;
    this.reader = { name, db };
    if (previous) setTimeout(() => void previous.db.destroy(), 10_000).unref();
  }

  async stop(): Promise<void> {
    if (this.follow) clearInterval(this.follow);
    if (this.store instanceof SqliteEventStore) this.store.onCommit = undefined;
    await this.live?.stop();
    await this.reader?.db.destroy();
    await this.catalog.close();
    this.live = null;
    this.reader = null;
  }
}

export function catalogFor(config: AppConfig): GenerationCatalog {
  return config.readModels === 'postgres'
    ? generationCatalog({ kind: 'postgres', url: config.databaseUrl! })
    : generationCatalog({ kind: 'sqlite', dir: join(config.dataDir, 'read-models') });
}
