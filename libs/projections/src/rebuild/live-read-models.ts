import type { Kysely } from 'kysely';
import type { GenerationCatalog } from '@cafeia/database';
import type { EventStore } from '@cafeia/event-store';
import { ProjectionEngine, ProjectionEngineOptions } from '../engine/projection-engine';
import type { ReadModelDb } from '../schema/read-model-db';
import { migrateReadModels, ReadModelSchemaOutdated } from '../schema/migrations';
import type { TerritoryDirectory } from '../territory/territory-directory';
import { CatchUpReport, catchUp } from './catch-up';
import { ProjectionRunner, ProjectionRunnerOptions, ProjectionStatus } from './projection-runner';

interface Generation {
  name: string;
  db: Kysely<ReadModelDb>;
  runner: ProjectionRunner;
}

export interface RebuildReport extends CatchUpReport {
  generation: string;
  previousGeneration: string | null;
}

export interface LiveReadModelsOptions {
  catalog: GenerationCatalog;
  store: Pick<EventStore, 'readAll' | 'subscribeAll' | 'headPosition'>;
  territories: Pick<TerritoryDirectory, 'keysOf' | 'isParis'>;
  batchSize?: number;
  engine?: ProjectionEngineOptions;
  /** how long a retired generation stays open for reads in flight before it is dropped (default 10 s) */
  retireAfterMs?: number;
  /** back-off and failure reporting of the live runner */
  runner?: Omit<ProjectionRunnerOptions, 'batchSize'>;
  /** told when reads should move to another generation (after `start()` and after each rebuild's promotion) */
  onSwitch?: (generation: string) => void | Promise<void>;
  /** awaited before a retired generation is dropped: readers elsewhere (another thread) close it first */
  beforeDrop?: (generation: string) => Promise<void>;
}

/**
 * The read models a process serves, kept live from the store, and rebuilt without stopping reads:
 *  1. a new generation (SQLite file / PostgreSQL schema) is created beside the live one and migrated;
 *  2. it catches up with the store from position 0 while the live generation keeps serving and updating;
 *  3. switch: the live subscription stops, the new generation applies the few events appended meanwhile,
 *     its own live subscription starts, the catalog's pointer is promoted (atomic rename / one-row
 *     update) and `db` now answers the new generation — every read after that sees it;
 *  4. the old generation is closed and dropped once reads in flight are done (`retireAfterMs`).
 * Other processes serving the same catalog follow the pointer (`catalog.current()`) when they next check it.
 */
export class LiveReadModels {
  private live: Generation | null = null;
  private rebuilding: Promise<RebuildReport> | null = null;
  private rebuildPosition: string | null = null;

  constructor(private readonly options: LiveReadModelsOptions) {}

  /** the generation reads should use now */
  get db(): Kysely<ReadModelDb> {
    if (!this.live) throw new Error('LiveReadModels: not started');
    return this.live.db;
  }

  get generation(): string | null {
    return this.live?.name ?? null;
  }

  private async open(name: string): Promise<Generation> {
    const { catalog, store, territories } = this.options;
    const db = catalog.open<ReadModelDb>(name);
    try {
      await migrateReadModels(db, catalog.schemaOf(name));
    } catch (error) {
      await db.destroy();
      throw error;
    }
    const engine = new ProjectionEngine(db, territories, this.options.engine);
    return { name, db, runner: new ProjectionRunner(store, engine, { ...this.options.runner, batchSize: this.options.batchSize }) };
  }

  /** opens the current generation (creating the first one when there is none) and follows the store live */
  async start(): Promise<void> {
    if (this.live) return;
    const { catalog } = this.options;
    let name = await catalog.current();
    if (!name) {
      name = catalog.newGeneration();
      await catalog.promote(name);
    }
    try {
      this.live = await this.open(name);
    } catch (error) {
      if (!(error instanceof ReadModelSchemaOutdated)) throw error;
      // written by a release with another schema: rebuild from the store into a new generation first
      const next = await this.open(catalog.newGeneration());
      await catchUp(this.options.store, next.runner.engine, { batchSize: this.options.batchSize, bulk: true });
      await catalog.promote(next.name);
      await catalog.drop(name);
      this.live = next;
    }
    await this.live.runner.start();
    await this.options.onSwitch?.(this.live.name);
  }

  /** rebuilds every read model beside the live ones, then switches; a second call joins the running rebuild */
  rebuild(): Promise<RebuildReport> {
    this.rebuilding ??= this.doRebuild().finally(() => {
      this.rebuilding = null;
      this.rebuildPosition = null;
    });
    return this.rebuilding;
  }

  private async doRebuild(): Promise<RebuildReport> {
    const { catalog, store } = this.options;
    const next = await this.open(catalog.newGeneration());
    try {
      const first = await catchUp(store, next.runner.engine, {
        batchSize: this.options.batchSize,
        onBatch: ({ position }) => (this.rebuildPosition = position),
        bulk: true,
      });
      const previous = this.live;
      await previous?.runner.stop();
      const rest = await catchUp(store, next.runner.engine, { batchSize: this.options.batchSize });
      await next.runner.start();
      await catalog.promote(next.name);
      this.live = next;
      await this.options.onSwitch?.(next.name);
      if (previous) this.retire(previous);
      const events = first.events + rest.events;
      const durationMs = first.durationMs + rest.durationMs;
      return {
        generation: next.name,
        previousGeneration: previous?.name ?? null,
        position: rest.position ?? first.position,
        events,
        durationMs,
        eventsPerSecond: durationMs > 0 ? Math.round((events * 1000) / durationMs) : events,
      };
    } catch (error) {
      await next.runner.stop();
      await next.db.destroy();
      await catalog.drop(next.name);
      throw error;
    }
  }

  private retire(old: Generation): void {
    const drop = async () => {
      await this.options.beforeDrop?.(old.name).catch(() => undefined);
      await old.db.destroy();
      await this.options.catalog.drop(old.name);
    };
    const delay = this.options.retireAfterMs ?? 10_000;
    if (delay <= 0) {
      this.retiring.push(drop());
      return;
    }
    const timer = setTimeout(() => {
      this.pendingRetirements.delete(timer);
      void drop().catch(() => undefined);
    }, delay);
    timer.unref();
    this.pendingRetirements.set(timer, drop);
  }

  /** retired generations still open for reads in flight; `stop()` closes them at once */
  private readonly pendingRetirements = new Map<NodeJS.Timeout, () => Promise<void>>();

  private readonly retiring: Promise<void>[] = [];

  /** what `GET /v1/admin/projections` shows: position, head, lag, state, generation, rebuild progress */
  projectionStatus(): Promise<ProjectionStatus & { generation: string | null; rebuild: { position: string | null } | null }> {
    return this.status();
  }

  async status(): Promise<ProjectionStatus & { generation: string | null; rebuild: { position: string | null } | null }> {
    if (!this.live) throw new Error('LiveReadModels: not started');
    const status = await this.live.runner.status();
    return {
      ...status,
      state: this.rebuilding ? 'rebuilding' : status.state,
      generation: this.live.name,
      rebuild: this.rebuilding ? { position: this.rebuildPosition } : null,
    };
  }

  async stop(): Promise<void> {
    await this.rebuilding?.catch(() => undefined);
    for (const [timer, drop] of this.pendingRetirements) {
      clearTimeout(timer);
      this.retiring.push(drop().catch(() => undefined));
    }
    this.pendingRetirements.clear();
    await Promise.all(this.retiring.splice(0));
    if (this.live) {
      await this.live.runner.stop();
      await this.live.db.destroy();
      this.live = null;
    }
  }
}
