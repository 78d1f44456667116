import { resolve } from 'node:path';
import { parseBrokers } from './brokers';

/** What the relay reads from its environment (the same names as the API's, see API.md "Running"). */
export interface RelayConfig {
  eventStore: 'sqlite' | 'eventstoredb';
  eventStoreUrl: string | null;
  dataDir: string;
  brokers: string[];
  topic: string;
  partitions: number;
  /** PostgreSQL for the checkpoint and the advisory lock; null → a checkpoint file and a lock file in DATA_DIR */
  databaseUrl: string | null;
  batchSize: number;
  /** batches read and encoded ahead of the checkpoint (RELAY_MAX_IN_FLIGHT, default 4); the publishes stay one after the other */
  maxInFlight: number;
  /** how often a standing-by relay retries the lock */
  standbyPollMs: number;
}

export function relayConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const eventStore = env.EVENT_STORE ?? 'sqlite';
  if (eventStore !== 'sqlite' && eventStore !== 'eventstoredb') throw new Error(`EVENT_STORE must be sqlite or eventstoredb (got "${eventStore}")`);
  const eventStoreUrl = env.EVENTSTORE_URL || null;
  if (eventStore === 'eventstoredb' && !eventStoreUrl) throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_URL');
  const brokers = parseBrokers(env.KAFKA_BROKERS ?? '');
  if (brokers.length === 0) throw new Error('the relay needs KAFKA_BROKERS');
  const topic = env.KAFKA_TOPIC || 'cafeia.events';
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(topic)) throw new Error(`KAFKA_TOPIC is not a valid topic name: ${topic}`);
  return {
    eventStore,
    eventStoreUrl,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    brokers,
    topic,
    partitions: positiveInteger(env.KAFKA_PARTITIONS ?? '6', 'KAFKA_PARTITIONS'),
    databaseUrl: env.DATABASE_URL || null,
    batchSize: positiveInteger(env.RELAY_BATCH_SIZE ?? '500', 'RELAY_BATCH_SIZE'),
    maxInFlight: positiveInteger(env.RELAY_MAX_IN_FLIGHT ?? '4', 'RELAY_MAX_IN_FLIGHT'),
    standbyPollMs: positiveInteger(env.RELAY_STANDBY_POLL_MS ?? '2000', 'RELAY_STANDBY_POLL_MS'),
  };
}

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${value}")`);
  return n;
}
