import type { Kysely } from 'kysely';
import type { GenerationCatalog } from '@cafeia/database';
import type { EventStore } from '@cafeia/event-store';
import { buildGeneration, catchUp, migrateReadModels, ProjectionEngine, ReadModelSchemaOutdated, type ReadModelDb, type TerritoryDirectory } from '@cafeia/projections';
import type { JsonLog } from '@cafeia/observability';
import { WatermarkStore } from './watermark/watermark-store';

/** The generation of the read models this projector writes, with its engine and watermark. */
export interface Target {
  generation: string;
  db: Kysely<ReadModelDb>;
  engine: ProjectionEngine;
  watermark: WatermarkStore;
}

/**
 * Follows the catalog's pointer to the live generation of the read models. A rebuild (`POST
 * /v1/admin/projections/rebuild`) builds a new generation from the store and promotes it; the
 * projector notices before its next batch and moves over. The new generation was filled up to the
 * position where the rebuild stopped, while this projector may already have consumed (and committed)
 * later events into the old one: so it first fills the new generation from the store up to the head,
 * then goes on with Kafka, whose events up to there are skipped as already applied (watermark).
 */
export class ReadModelTarget {
  private live: Target | null = null;
  private readonly retired: Target[] = [];

  constructor(
    private readonly catalog: GenerationCatalog,
    private readonly territories: Pick<TerritoryDirectory, 'keysOf' | 'isParis'>,
    private readonly store: Pick<EventStore, 'readAll'> | null,
    private readonly log: JsonLog,
  ) {}

  private pending: Promise<Target> | null = null;

  /** the live generation, opening (or creating) it, or switching to a newly promoted one; one switch at a time */
  current(): Promise<Target> {
    this.pending ??= this.follow().finally(() => (this.pending = null));
    return this.pending;
  }

  private async follow(): Promise<Target> {
    let name = await this.catalog.current();
    if (this.live && this.live.generation === name) return this.live;
    if (!name) {
      name = this.catalog.newGeneration();
      await this.open(name);
      await this.catalog.promote(name);
      this.log.info('created the first generation of the read models', { generation: name });
    }
    const previous = this.live;
    let next: Target;
    try {
      next = await this.open(name);
    } catch (error) {
      if (!(error instanceof ReadModelSchemaOutdated)) throw error;
      if (!this.store) throw new Error(`generation ${name} was written by another release: run \`projector rebuild\` (needs the event store)`);
      // written by a release with another schema: rebuild it from the store, beside it, and switch
      this.log.warn('the live read models were written by another release: rebuilding them from the store', { generation: name });
      const built = await buildGeneration({ catalog: this.catalog, store: this.store, territories: this.territories, engine: { writers: 'shared' } });
      await built.db.destroy();
      await this.catalog.promote(built.generation);
      name = built.generation;
      next = await this.open(name);
    }
    if (previous) {
      this.log.warn('the read models were switched to another generation (rebuild)', { from: previous.generation, to: name });
      if (this.store) {
        const report = await catchUp(this.store, next.engine);
        this.log.info('filled the new generation from the store', { generation: name, events: report.events, position: report.position });
      } else {
        this.log.error('no event store configured (EVENTSTORE_URL): events consumed since the rebuild ended are missing from the new generation', {
          generation: name,
        });
      }
      // a batch may still be finishing on the old generation; its pool goes once that is over
      this.retired.push(previous);
      setTimeout(() => void previous.db.destroy().catch(() => undefined), 10_000).unref();
    }
    this.live = next;
    return next;
  }

  private async open(generation: string): Promise<Target> {
    const db = this.catalog.open<ReadModelDb>(generation);
    try {
      await migrateReadModels(db, this.catalog.schemaOf(generation));
    } catch (error) {
      await db.destroy();
      throw error;
    }
    // a consumer group: several processes may write the same rows at once
    const engine = new ProjectionEngine(db, this.territories, { writers: 'shared' });
    const watermark = new WatermarkStore(db);
    await watermark.ensureTable();
    return { generation, db, engine, watermark };
  }

  async close(): Promise<void> {
    await this.pending?.catch(() => undefined);
    for (const target of [...this.retired.splice(0), ...(this.live ? [this.live] : [])]) await target.db.destroy().catch(() => undefined);
    this.live = null;
    await this.catalog.close();
  }
}
