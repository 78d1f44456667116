import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readKek } from './vault-kek';

/** HS256 secrets shorter than this are refused: a short or empty secret lets anyone sign a council token. */
export const MIN_AUTH_SECRET_BYTES = 32;

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
  /**
   * …in a worker thread of its own (EMBEDDED_PROJECTOR_WORKER, default true; SQLite event store only): its batches,
   * rebuilds and the event store's checkpoints then never hold the event loop that answers requests
   */
  embeddedProjectorWorker: boolean;
  /** the SQLite vault (keys.db) in a worker thread with group commit (VAULT_WORKER, default true): its fsyncs off the event loop */
  vaultWorker: boolean;
  bodyLimitBytes: number;
  /** JSON API writes processed at once (WRITE_CONCURRENCY, default 4; 0: no limit): the others wait their turn, so reads do not wait behind them all */
  writeConcurrency: number;
  /** events per projection batch (embedded projector) */
  projectionBatchSize: number;
  /** folded aggregate states kept by the command pipeline (STATE_CACHE_SIZE, 0 disables) */
  stateCacheSize: number;
  /** …and the events folded into them at most (STATE_CACHE_MAX_EVENTS): bounds its memory */
  stateCacheMaxEvents: number;
  /** how long a read answer may be served again (READ_CACHE_MS, 0 disables) */
  readCacheMs: number;
  /** how much longer an answer may be sent while its refresh runs (READ_CACHE_STALE_MS, 0: callers wait for the refresh) */
  readCacheStaleMs: number;
  /** the read cache's budget in bytes of JSON (READ_CACHE_MAX_BYTES) */
  readCacheMaxBytes: number;
  /** how long a read with `?minPosition` waits before its 503 (MIN_POSITION_WAIT_MS, 5 s per API.md; tests shorten it) */
  minPositionWaitMs: number;
  /** how long a remembered Idempotency-Key answers (IDEMPOTENCY_TTL_HOURS) */
  idempotencyTtlHours: number;
  /** how long a retired read-model generation stays open for reads in flight (REBUILD_RETIRE_AFTER_MS) */
  rebuildRetireAfterMs: number;
  /**
   * CAFEIA_FAULT, for crash tests only: `kill-after-erasure-event` makes the process SIGKILL itself between
   * appending ParticipantErased and destroying the key; `kill-mid-import` half-way through an import file, with rows
   * sent and not yet counted. Never set in production.
   */
  faultInjection: string | null;
  /** the address users reach the web app at (PUBLIC_URL, e.g. https://impact.cafeia.fr), for links and calendars */
  publicUrl: string | null;
  /** behind a TLS-terminating proxy: trust its X-Forwarded-* headers (TRUST_PROXY=true) */
  trustProxy: boolean;
  /** OpenID Connect sign-in (ProConnect-compatible), when all three are set */
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  /** a count of people below it is never published in the open data (OPEN_DATA_MIN_CELL, default 11) */
  openDataMinCell: number;
  /** how often the published open-data table is recomputed when events came (OPEN_DATA_REFRESH_SECONDS, default 600) */
  openDataRefreshSeconds: number;
  /** requests per minute and client address on the public paths, /public and /agenda (PUBLIC_RATE_LIMIT, default 120; 0 disables) */
  publicRateLimit: number;
  /** a person with no enrolment nor attendance for this many months is erased (RETENTION_MONTHS, default 24; 0 disables) */
  retentionMonths: number;
  /**
   * the key-encryption key wrapping every per-person key and vault secret (VAULT_KEK, base64 of 32 bytes, or
   * VAULT_KEK_FILE outside DATA_DIR); null: keys stored unwrapped, as before
   */
  vaultKek: Buffer | null;
  /** the key being rotated away from (VAULT_KEK_PREVIOUS or VAULT_KEK_PREVIOUS_FILE): still opens what it wrapped */
  vaultKekPrevious: Buffer | null;
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

  let authSecret = env.AUTH_SECRET ?? null;
  if (authSecret !== null) {
    if (Buffer.byteLength(authSecret, 'utf8') < MIN_AUTH_SECRET_BYTES) {
      throw new ConfigError(`AUTH_SECRET must be at least ${MIN_AUTH_SECRET_BYTES} bytes (e.g. \`openssl rand -base64 48\`)`);
    }
  } else {
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
    embeddedProjectorWorker: eventStore === 'sqlite' && env.EMBEDDED_PROJECTOR_WORKER !== 'false',
    vaultWorker: env.VAULT_WORKER !== 'false',
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 64 * 1024),
    writeConcurrency: wholeNumber(env.WRITE_CONCURRENCY, 4, 'WRITE_CONCURRENCY'),
    projectionBatchSize: positiveInteger(env.PROJECTION_BATCH_SIZE, 10_000, 'PROJECTION_BATCH_SIZE'),
    stateCacheSize: wholeNumber(env.STATE_CACHE_SIZE, 5_000, 'STATE_CACHE_SIZE'),
    stateCacheMaxEvents: positiveInteger(env.STATE_CACHE_MAX_EVENTS, 500_000, 'STATE_CACHE_MAX_EVENTS'),
    readCacheMs: wholeNumber(env.READ_CACHE_MS, 500, 'READ_CACHE_MS'),
    readCacheStaleMs: wholeNumber(env.READ_CACHE_STALE_MS, 500, 'READ_CACHE_STALE_MS'),
    readCacheMaxBytes: positiveInteger(env.READ_CACHE_MAX_BYTES, 32 * 1024 * 1024, 'READ_CACHE_MAX_BYTES'),
    minPositionWaitMs: positiveInteger(env.MIN_POSITION_WAIT_MS, 5000, 'MIN_POSITION_WAIT_MS'),
    idempotencyTtlHours: positiveInteger(env.IDEMPOTENCY_TTL_HOURS, 24, 'IDEMPOTENCY_TTL_HOURS'),
    rebuildRetireAfterMs: wholeNumber(env.REBUILD_RETIRE_AFTER_MS, 30_000, 'REBUILD_RETIRE_AFTER_MS'),
    faultInjection: env.CAFEIA_FAULT || null,
    publicUrl: optionalUrl(env.PUBLIC_URL, 'PUBLIC_URL'),
    trustProxy: env.TRUST_PROXY === 'true',
    oidc: oidcConfig(env),
    openDataMinCell: positiveInteger(env.OPEN_DATA_MIN_CELL, 11, 'OPEN_DATA_MIN_CELL'),
    openDataRefreshSeconds: positiveInteger(env.OPEN_DATA_REFRESH_SECONDS, 600, 'OPEN_DATA_REFRESH_SECONDS'),
    publicRateLimit: wholeNumber(env.PUBLIC_RATE_LIMIT, 120, 'PUBLIC_RATE_LIMIT'),
    retentionMonths: wholeNumber(env.RETENTION_MONTHS, 24, 'RETENTION_MONTHS'),
    ...vaultKeks(env, dataDir),
  };
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer`);
  return n;
}

function wholeNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number (0 or more)`);
  return n;
}

function optionalUrl(value: string | undefined, name: string): string | null {
  if (!value) return null;
  if (!/^https?:\/\/[^\s/]+/.test(value)) throw new ConfigError(`${name} must be an http(s) URL`);
  return value.replace(/\/+$/, '');
}

function vaultKeks(env: NodeJS.ProcessEnv, dataDir: string): Pick<AppConfig, 'vaultKek' | 'vaultKekPrevious'> {
  const vaultKek = readKek(env, 'VAULT_KEK', dataDir);
  const vaultKekPrevious = readKek(env, 'VAULT_KEK_PREVIOUS', dataDir);
  if (vaultKekPrevious && !vaultKek) throw new ConfigError('VAULT_KEK_PREVIOUS is only used while rotating to a VAULT_KEK: set VAULT_KEK too');
  if (vaultKek && vaultKekPrevious?.equals(vaultKek)) throw new ConfigError('VAULT_KEK_PREVIOUS is the same key as VAULT_KEK');
  return { vaultKek, vaultKekPrevious };
}

function oidcConfig(env: NodeJS.ProcessEnv): AppConfig['oidc'] {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) throw new ConfigError('OpenID Connect needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together');
  return { issuer: optionalUrl(issuer, 'OIDC_ISSUER')!, clientId, clientSecret };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/**
 * A secret generated once and kept in DATA_DIR (mode 0600, DATA_DIR 0700). Written atomically (temporary
 * file, fsync, link into place, fsync of the folder), so a crash or a full disk never leaves a half-written
 * secret; a file left empty by an earlier failure is replaced, and a secret shorter than 32 bytes is refused.
 */
export function loadOrCreateFileSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, name);
  const existing = readSecretFile(file);
  if (existing !== null && existing !== '') return checkedFileSecret(existing, file);
  const secret = randomBytes(48).toString('base64url');
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, secret + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (existing === '') renameSync(temporary, file); // replaces the empty file a failed write left
    else linkSync(temporary, file); // fails if another process created it meanwhile: then theirs wins
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      /* renamed away */
    }
  }
  syncFolder(dataDir);
  return checkedFileSecret(readSecretFile(file) ?? '', file);
}

function readSecretFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function checkedFileSecret(secret: string, file: string): string {
  if (Buffer.byteLength(secret, 'utf8') < MIN_AUTH_SECRET_BYTES) {
    throw new ConfigError(`${file} holds a secret shorter than ${MIN_AUTH_SECRET_BYTES} bytes; remove the file to generate a new one (tokens signed with the old one stop working)`);
  }
  return secret;
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* some file systems cannot fsync a folder; the rename is still atomic */
  }
}
