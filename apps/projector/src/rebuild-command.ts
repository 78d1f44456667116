import type { GenerationCatalog } from '@cafeia/database';
import type { EventStore } from '@cafeia/event-store';
import { buildGeneration, type TerritoryDirectory } from '@cafeia/projections';
import type { JsonLog } from '@cafeia/observability';

/**
 * `node dist/apps/projector/src/main.js rebuild`: rebuilds every read model from the event store
 * beside the live generation (reads and projectors go on with the live one meanwhile), promotes it,
 * and drops the previous generation once readers have had time to move over. A running projector
 * notices the switch before its next batch and fills the new generation from the store up to the
 * head before going on with Kafka (see ReadModelTarget). The API's own rebuild endpoint only works
 * where the API projects (the embedded default).
 */
export async function rebuildReadModels(options: {
  catalog: GenerationCatalog;
  store: Pick<EventStore, 'readAll'>;
  territories: Pick<TerritoryDirectory, 'keysOf' | 'isParis'>;
  log: JsonLog;
  retireAfterMs: number;
}): Promise<void> {
  const { catalog, log } = options;
  const previous = await catalog.current();
  log.info('rebuilding the read models from the event store', { previousGeneration: previous });
  const built = await buildGeneration({ catalog, store: options.store, territories: options.territories, engine: { writers: 'shared' } });
  await built.db.destroy();
  await catalog.promote(built.generation);
  log.info('rebuilt and promoted', { generation: built.generation, ...built.report });
  if (!previous || previous === built.generation) return;
  // readers (APIs every 2 s, projectors before each batch) follow the pointer; give them time before dropping
  await new Promise((resolve) => setTimeout(resolve, options.retireAfterMs));
  await catalog.drop(previous);
  log.info('dropped the previous generation', { generation: previous });
}
