import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Runtime configuration, read once from the environment (see ../shared/API.md "Running"). */
export interface AppConfig {
  port: number;
  dataDir: string;
  authSecret: string;
  eventStore: 'sqlite' | 'eventstoredb';
  eventStoreUrl: string | null;
  readModels: 'sqlite' | 'postgres';
  databaseUrl: string | null;
  kafkaBrokers: string[] | null;
  targetPeople: number;
  targetDeadline: string;
  /** pinned "now" (CLOCK), or null for the system clock */
  clock: string | null;
  /** run the projector inside the API process (embedded default; off when Kafka carries events) */
  embeddedProjector: boolean;
  bodyLimitBytes: number;
  /** events per projection batch (embedded projector) */
  projectionBatchSize: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const eventStore = oneOf(env.EVENT_STORE ?? 'sqlite', ['sqlite', 'eventstoredb'] as const, 'EVENT_STORE');
  const readModels = oneOf(env.READ_MODELS ?? 'sqlite', ['sqlite', 'postgres'] as const, 'READ_MODELS');
  const eventStoreUrl = env.EVENTSTORE_URL || null;
  const databaseUrl = env.DATABASE_URL || null;
  if (eventStore === 'eventstoredb' && !eventStoreUrl) throw new ConfigError('EVENT_STORE=eventstoredb needs EVENTSTORE_URL');
  if (readModels === 'postgres' && !databaseUrl) throw new ConfigError('READ_MODELS=postgres needs DATABASE_URL');
  const embedded = eventStore === 'sqlite' && readModels === 'sqlite';
  const kafkaBrokers = env.KAFKA_BROKERS ? env.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean) : null;

  let authSecret = env.AUTH_SECRET || null;
  if (!authSecret) {
    if (!embedded) throw new ConfigError('AUTH_SECRET is required outside the embedded default');
    authSecret = loadOrCreateFileSecret(dataDir, 'auth-secret');
  }
  const targetPeople = Number(env.TARGET_PEOPLE ?? 2_000_000);
  if (!Number.isInteger(targetPeople) || targetPeople <= 0) throw new ConfigError('TARGET_PEOPLE must be a positive integer');
  const targetDeadline = env.TARGET_DEADLINE ?? '2027-12-31';
  if (!DATE.test(targetDeadline) || Number.isNaN(Date.parse(targetDeadline))) throw new ConfigError('TARGET_DEADLINE must be YYYY-MM-DD');
  const clock = env.CLOCK || null;
  if (clock && Number.isNaN(Date.parse(clock))) throw new ConfigError('CLOCK must be an ISO instant');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT must be a TCP port');

  return {
    port,
    dataDir,
    authSecret,
    eventStore,
    eventStoreUrl,
    readModels,
    databaseUrl,
    kafkaBrokers,
    targetPeople,
    targetDeadline,
    clock,
    embeddedProjector: env.EMBEDDED_PROJECTOR ? env.EMBEDDED_PROJECTOR === 'true' : !kafkaBrokers,
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 64 * 1024),
    projectionBatchSize: positiveInteger(env.PROJECTION_BATCH_SIZE, 10_000, 'PROJECTION_BATCH_SIZE'),
  };
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer`);
  return n;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** A secret generated once and kept in DATA_DIR (mode 0600). */
export function loadOrCreateFileSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim(); // another process created it first
  }
}
