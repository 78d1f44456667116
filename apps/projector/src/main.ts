import type { Server } from 'node:http';
import { generationCatalog } from '@cafeia/database';
import { EventStore, SqliteEventStore } from '@cafeia/event-store';
import { EventStoreDBEventStore } from '@cafeia/event-store/eventstoredb';
import { createKafka, deadLetterTopic, ensureTopic, KafkaPublisher } from '@cafeia/messaging';
import { Territories } from '@cafeia/territories';
import { BatchHandler } from './batch-handler';
import { startHealthServer } from './health-server';
import { describeError, jsonLog } from '@cafeia/observability';
import { KafkaProjector } from './kafka-projector';
import { projectorConfig, type ProjectorConfig } from '@cafeia/config';
import { ProjectorMetrics } from './projector-metrics';
import { ReadModelTarget } from './read-model-target';
import { rebuildReadModels } from './rebuild-command';

/**
 * The projector: a member of the `cafeia-projector` consumer group that applies the events the relay
 * put on Kafka to the read models (PostgreSQL at scale), keeps the "applied up to" watermark the API's
 * `asOf` and `?minPosition=` rely on, and sets aside messages that are not valid event envelopes.
 */
const log = jsonLog('projector');

function openStore(config: ProjectorConfig): EventStore | null {
  if (!config.eventStore) return null;
  return config.eventStore.kind === 'eventstoredb' ? new EventStoreDBEventStore(config.eventStore.url) : new SqliteEventStore(config.eventStore.file);
}

async function main(): Promise<void> {
  const config = projectorConfig();
  const metrics = new ProjectorMetrics();
  const kafka = createKafka({ brokers: config.brokers, clientId: 'cafeia-projector' });
  const deadLetters = new KafkaPublisher(kafka);
  const store = openStore(config);
  const catalog = generationCatalog(config.readModels.kind === 'postgres' ? { kind: 'postgres', url: config.readModels.url } : { kind: 'sqlite', dir: config.readModels.dir });
  const territories = Territories.official().warmUp();
  const places = { keysOf: (commune: string): string[] => [...territories.keysOf(commune)], isParis: (commune: string) => territories.isParis(commune) };
  if (process.argv[2] === 'rebuild') {
    if (!store) throw new Error('rebuild needs the event store: set EVENT_STORE/EVENTSTORE_URL');
    await rebuildReadModels({ catalog, store, territories: places, log, retireAfterMs: config.rebuildRetireAfterMs });
    await store.close();
    await catalog.close();
    return process.exit(0);
  }
  const target = new ReadModelTarget(catalog, places, store, log);
  const opened = await target.current();
  log.info('read models open', { generation: opened.generation, appliedUpTo: (await opened.watermark.read()).position });

  if (config.brokers.length === 0) throw new Error('the projector needs KAFKA_BROKERS');
  const handler = new BatchHandler({ target: () => target.current(), deadLetters, log, metrics });
  const projector = new KafkaProjector({ kafka, topic: config.topic, groupId: config.groupId, sessionTimeoutMs: config.sessionTimeoutMs, partitionsConsumedConcurrently: config.partitionsConsumedConcurrently, handler, log, metrics });

  const status = async () => {
    const live = await target.current();
    const [watermark, pending, checkpoints] = await Promise.all([live.watermark.read(), live.watermark.pending(), live.engine.checkpoints()]);
    metrics.pendingLinks.set(pending);
    return { generation: live.generation, appliedUpTo: watermark, pendingPastAGap: pending, checkpoints, ready: projector.ready };
  };
  // a rebuild may promote a new generation while no message arrives: follow the pointer anyway
  const follow = setInterval(() => void target.current().catch((error: unknown) => log.warn('following the read-model generation failed', { error: describeError(error) })), 2_000);
  follow.unref();
  let server: Server | null = await startHealthServer(config.port, metrics, () => projector.ready, status);
  log.info('health and metrics listening', { port: config.port, topic: config.topic, groupId: config.groupId });

  let closing: Promise<void> | null = null;
  const shutdown = (code: number) =>
    (closing ??= (async () => {
      clearInterval(follow);
      await projector.stop().catch((error: unknown) => log.warn('consumer stop failed', { error: describeError(error) }));
      await deadLetters.disconnect().catch(() => undefined);
      await target.close().catch(() => undefined);
      await store?.close().catch(() => undefined);
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
      log.info('stopped', { exitCode: code });
      process.exit(code);
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info('stop requested', { signal });
      void shutdown(0);
    });
  }
  // subscribing to a missing topic would let the broker auto-create it with its default partition count
  await retrying('ensure topics', async () => {
    await ensureTopic(kafka, config.topic, config.partitions);
    await ensureTopic(kafka, deadLetterTopic(config.topic), 1);
  });
  await projector.start();
}

async function retrying(what: string, action: () => Promise<void>): Promise<void> {
  for (let delay = 200; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      return await action();
    } catch (error) {
      log.warn(`${what} failed, retrying`, { error: describeError(error), inMs: delay });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

main().catch((error: unknown) => {
  log.error('the projector could not start', { error: describeError(error) });
  process.exit(1);
});
