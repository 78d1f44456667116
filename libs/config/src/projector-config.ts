import { resolve } from 'node:path';
import { parseBrokers } from './brokers';

/** What the projector reads from its environment (the same names as the API's, see API.md "Running"). */
export interface ProjectorConfig {
  /** empty only for the `rebuild` command, which does not consume */
  brokers: string[];
  topic: string;
  /** partitions of the topic when this projector is the first to create it (the relay uses the same default) */
  partitions: number;
  groupId: string;
  readModels: { kind: 'postgres'; url: string } | { kind: 'sqlite'; dir: string };
  /** the store, to fill a freshly rebuilt generation up to now; null when not configured */
  eventStore: { kind: 'eventstoredb'; url: string } | { kind: 'sqlite'; file: string } | null;
  port: number;
  sessionTimeoutMs: number;
  /** partitions applied at once by this consumer (PROJECTOR_PARTITIONS_CONCURRENTLY, default 3): each batch is its own transaction */
  partitionsConsumedConcurrently: number;
  /** how long a retired generation stays open for readers after a rebuild (REBUILD_RETIRE_AFTER_MS) */
  rebuildRetireAfterMs: number;
}

export function projectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const brokers = parseBrokers(env.KAFKA_BROKERS ?? '');
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const readModels = env.READ_MODELS ?? (env.DATABASE_URL ? 'postgres' : 'sqlite');
  if (readModels !== 'postgres' && readModels !== 'sqlite') throw new Error(`READ_MODELS must be sqlite or postgres (got "${readModels}")`);
  if (readModels === 'postgres' && !env.DATABASE_URL) throw new Error('READ_MODELS=postgres needs DATABASE_URL');

  let eventStore: ProjectorConfig['eventStore'] = null;
  if (env.EVENT_STORE === 'eventstoredb' || (!env.EVENT_STORE && env.EVENTSTORE_URL)) {
    if (!env.EVENTSTORE_URL) throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_URL');
    eventStore = { kind: 'eventstoredb', url: env.EVENTSTORE_URL };
  } else if (env.EVENT_STORE === 'sqlite') {
    eventStore = { kind: 'sqlite', file: resolve(dataDir, 'events.db') };
  }
  return {
    brokers,
    topic: env.KAFKA_TOPIC || 'cafeia.events',
    partitions: integer(env.KAFKA_PARTITIONS ?? '6', 'KAFKA_PARTITIONS', 1),
    groupId: env.KAFKA_GROUP_ID || 'cafeia-projector',
    readModels: readModels === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'sqlite', dir: dataDir },
    eventStore,
    port: integer(env.PROJECTOR_PORT ?? '3100', 'PROJECTOR_PORT', 0),
    // a projector killed without leaving the group holds its partitions until this expires
    sessionTimeoutMs: integer(env.PROJECTOR_SESSION_TIMEOUT_MS ?? '10000', 'PROJECTOR_SESSION_TIMEOUT_MS', 6000),
    partitionsConsumedConcurrently: integer(env.PROJECTOR_PARTITIONS_CONCURRENTLY ?? '3', 'PROJECTOR_PARTITIONS_CONCURRENTLY', 1),
    rebuildRetireAfterMs: integer(env.REBUILD_RETIRE_AFTER_MS ?? '30000', 'REBUILD_RETIRE_AFTER_MS', 0),
  };
}

function integer(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min} (got "${value}")`);
  return n;
}
