/**
 * The embedded projector's thread: `LiveReadModels` with its own connections (the event store's file, the
 * read-model generations), so that its batches, its rebuilds and the event store's WAL checkpoints never hold
 * the API's event loop. The API reads the generation it is told about through connections of its own (WAL lets
 * one write while the others read).
 */
import { generationCatalog } from '@cafeia/database';
import { SqliteEventStore } from '@cafeia/event-store';
import { LiveReadModels } from '@cafeia/projections';
import { Territories } from '@cafeia/territories';
import { serveThread } from '@cafeia/threads';
import type { ProjectorThreadData } from './projector-thread-data';

serveThread<ProjectorThreadData>(async (data, channel) => {
  // the API's connection writes with its automatic checkpoints off: this one copies the WAL back, off its loop
  const store = new SqliteEventStore(data.eventStoreFile, { liveLingerMs: data.liveLingerMs });
  channel.on('news', () => store.wake());
  const territories = Territories.official().warmUp();
  const catalog = generationCatalog(data.catalog);
  const live = new LiveReadModels({
    catalog,
    store,
    territories: { keysOf: (code) => territories.keysOf(code), isParis: (code) => territories.isParis(code) },
    batchSize: data.batchSize,
    retireAfterMs: data.retireAfterMs,
    runner: { onFailure: (error, consecutiveFailures, retryInMs) => channel.emit('failure', { message: error.message, consecutiveFailures, retryInMs }) },
    onSwitch: (generation) => channel.emit('generation', generation),
    beforeDrop: async (generation) => void (await channel.call('release', generation)),
  });
  await live.start();
  const checkpoints = setInterval(() => {
    try {
      store.checkpoint();
    } catch {
      // busy or closing: the next tick tries again
    }
  }, data.checkpointEveryMs);
  return {
    generation: () => live.generation,
    status: () => live.status(),
    rebuild: () => live.rebuild(),
    stop: async () => {
      clearInterval(checkpoints);
      await live.stop();
      await store.close();
      await catalog.close();
    },
  };
});
