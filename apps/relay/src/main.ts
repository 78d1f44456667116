import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@cafeia/event-store';
import { EventStoreDBEventStore } from '@cafeia/event-store/eventstoredb';
import {
  FileCheckpointStore,
  FileRelayLock,
  KafkaPublisher,
  MessagePublisher,
  Relay,
  RelayCheckpointStore,
  RelayLock,
  acquireWhenFree,
} from '@cafeia/messaging';
import { FencedPublisher } from './fenced-publisher';
import { describeError, jsonLog } from '@cafeia/observability';
import { PostgresRelayCheckpointStore } from './postgres-relay-checkpoint';
import { PostgresAdvisoryLock } from './postgres-relay-lock';
import { RelayConfig, relayConfig } from '@cafeia/config';

/**
 * The relay: follows the store's global log from a durable checkpoint and publishes every event to
 * Kafka (see libs/messaging/README.md). Only one relay publishes at a time: the others wait on the
 * lock (PostgreSQL advisory lock when DATABASE_URL is set, else a lock file in DATA_DIR) and the first
 * to get it resumes from the shared checkpoint.
 */
const log = jsonLog('relay');

function openStore(config: RelayConfig): EventStore {
  if (config.eventStore === 'eventstoredb') return new EventStoreDBEventStore(config.eventStoreUrl!);
  return new SqliteEventStore(join(config.dataDir, 'events.db'));
}

async function main(): Promise<void> {
  const config = relayConfig();
  const stopping = new AbortController();
  let shutdown: (code: number) => Promise<void> = async (code) => process.exit(code);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info('stop requested', { signal });
      stopping.abort();
      void shutdown(0);
    });
  }

  let lock: RelayLock;
  let fence: { assertHeld(): Promise<void> } | null = null;
  let checkpointsOf: () => RelayCheckpointStore;
  if (config.databaseUrl) {
    const pgLock = new PostgresAdvisoryLock(config.databaseUrl, config.topic);
    lock = pgLock;
    fence = pgLock;
    checkpointsOf = () => new PostgresRelayCheckpointStore(pgLock.session, config.topic);
    pgLock.onLost((reason) => {
      // another relay may hold the lock already: stop publishing now, let the supervisor restart us (stand-by)
      log.error('relay lock lost: stopping', { reason });
      void shutdown(1);
    });
  } else {
    lock = new FileRelayLock(join(config.dataDir, `relay-${config.topic}.lock`));
    const file = join(config.dataDir, `relay-${config.topic}.checkpoint.json`);
    checkpointsOf = () => new FileCheckpointStore(file);
  }

  log.info('standing by for the relay lock', { topic: config.topic, lock: config.databaseUrl ? 'postgres-advisory' : 'file' });
  const acquired = await acquireWithRetries(lock, config.standbyPollMs, stopping.signal);
  if (!acquired) return shutdown(0);
  log.info('relay lock acquired: this relay is active', { topic: config.topic });

  const kafka = new KafkaPublisher({ brokers: config.brokers, clientId: 'cafeia-relay' });
  const created = await retryUntil('ensure topic', () => kafka.ensureTopic(config.topic, config.partitions), stopping.signal);
  log.info(created ? 'topic created' : 'topic exists', { topic: config.topic, partitions: config.partitions });
  const publisher: MessagePublisher = fence ? new FencedPublisher(kafka, fence) : kafka;

  const store = openStore(config);
  const relay = new Relay({
    store,
    publisher,
    topic: config.topic,
    checkpoints: checkpointsOf(),
    batchSize: config.batchSize,
    maxInFlight: config.maxInFlight,
    logger: { info: (msg) => log.info(msg), warn: (msg) => log.warn(msg) },
  });

  let closing: Promise<void> | null = null;
  shutdown = (code) =>
    (closing ??= (async () => {
      await relay.stop().catch((error: unknown) => log.warn('relay stop failed', { error: describeError(error) }));
      await kafka.disconnect().catch(() => undefined);
      await store.close().catch(() => undefined);
      await lock.release().catch(() => undefined);
      log.info('stopped', { position: relay.position, relayed: relay.relayed, exitCode: code });
      process.exit(code);
    })());
  if (stopping.signal.aborted) return shutdown(0);

  await relay.start();
  const progress = setInterval(() => log.info('progress', { position: relay.position, relayed: relay.relayed }), 10_000);
  progress.unref();
  relay.done.then(
    () => void shutdown(0),
    (error: unknown) => {
      log.error('store subscription failed', { error: describeError(error) });
      void shutdown(1);
    },
  );
}

/** `acquireWhenFree`, surviving a database that is briefly unreachable (a stand-by must not die of it). */
async function acquireWithRetries(lock: RelayLock, pollMs: number, signal: AbortSignal): Promise<boolean> {
  const polling: RelayLock = {
    tryAcquire: async () => {
      try {
        return await lock.tryAcquire();
      } catch (error) {
        log.warn('relay lock check failed', { error: describeError(error) });
        return false;
      }
    },
    release: () => lock.release(),
  };
  return acquireWhenFree(polling, { pollMs, signal });
}

async function retryUntil<T>(what: string, action: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let delay = 200; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      return await action();
    } catch (error) {
      if (signal.aborted) throw error;
      log.warn(`${what} failed, retrying`, { error: describeError(error), inMs: delay });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

main().catch((error: unknown) => {
  log.error('the relay could not start', { error: describeError(error) });
  process.exit(1);
});
