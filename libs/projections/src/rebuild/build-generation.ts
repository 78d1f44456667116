import type { Kysely } from 'kysely';
import type { GenerationCatalog } from '@cafeia/database';
import type { EventStore } from '@cafeia/event-store';
import { ProjectionEngine, ProjectionEngineOptions } from '../engine/projection-engine';
import { migrateReadModels } from '../schema/migrations';
import type { ReadModelDb } from '../schema/read-model-db';
import type { TerritoryDirectory } from '../territory/territory-directory';
import { CatchUpReport, catchUp } from './catch-up';

/**
 * Builds a fresh generation of every read model from the store, beside the live one, and resolves when it
 * has caught up with the store's head. It does not switch: the caller promotes it (`catalog.promote`)
 * once it is ready to (see LiveReadModels for the whole switch).
 */
export async function buildGeneration(options: {
  catalog: GenerationCatalog;
  store: Pick<EventStore, 'readAll'>;
  territories: Pick<TerritoryDirectory, 'keysOf' | 'isParis'>;
  batchSize?: number;
  engine?: ProjectionEngineOptions;
}): Promise<{ generation: string; db: Kysely<ReadModelDb>; engine: ProjectionEngine; report: CatchUpReport }> {
  const { catalog } = options;
  const generation = catalog.newGeneration();
  const db = catalog.open<ReadModelDb>(generation);
  await migrateReadModels(db, catalog.schemaOf(generation));
  const engine = new ProjectionEngine(db, options.territories, options.engine);
  const report = await catchUp(options.store, engine, { batchSize: options.batchSize, bulk: true });
  return { generation, db, engine, report };
}
