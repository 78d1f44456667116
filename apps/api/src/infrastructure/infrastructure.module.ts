import { join } from 'node:path';
import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { AppConfig, clockFrom } from '@cafeia/config';
import { ensurePrivateDir, ensurePrivateFile, withStatementCache } from '@cafeia/database';
import { EventStore, SqliteEventStore } from '@cafeia/event-store';
import { EventStoreDBEventStore } from '@cafeia/event-store/eventstoredb';
import { openPostgresVault, openSqliteVault, PersonalDataVault, ThreadedSqliteVault, type KekRotationReport } from '@cafeia/personal-data';
import { Territories } from '@cafeia/territories';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { AccessDirectory } from '../access/access-directory';
import { Access } from '../auth/access';
import { ReadinessChecks } from '../operations/readiness';
import { IdempotencyStore, KyselyIdempotencyStore } from '../idempotency/idempotency.store';
import { Metrics } from '../operations/metrics';
import { KyselySessionStore } from '../web/session/session-store';
import { API_DB, APP_CONFIG, CLOCK, EVENT_STORE, IDEMPOTENCY_STORE, SESSION_STORE, TERRITORIES, VAULT } from './tokens';
import { WriteSide } from './write-side';

export async function openEventStore(config: AppConfig): Promise<EventStore> {
  if (config.eventStore === 'eventstoredb') return new EventStoreDBEventStore(config.eventStoreUrl!);
  ensurePrivateDir(config.dataDir);
  // the in-process projector follows the log live: let a few milliseconds of writes gather into one batch;
  // with a projector thread, that thread runs the WAL checkpoints (an automatic one would stall the loop here)
  const threaded = config.embeddedProjector && config.embeddedProjectorWorker;
  return new SqliteEventStore(join(config.dataDir, 'events.db'), { liveLingerMs: 15, groupCommit: true, ...(threaded ? { walAutocheckpointPages: 0 } : {}) });
}

/** a vault whose keys can be wrapped again under a new key-encryption key (`npm run vault -- --rotate-kek`) */
export type RotatableVault = PersonalDataVault & { rotateKek(): Promise<KekRotationReport> };

export async function openVault(config: AppConfig): Promise<RotatableVault> {
  // per-person keys wrapped by the key-encryption key when one is given (VAULT_KEK / VAULT_KEK_FILE)
  const kek = { kek: config.vaultKek, previousKek: config.vaultKekPrevious };
  if (config.readModels === 'postgres') return openPostgresVault({ connectionString: config.databaseUrl!, ...kek });
  // keys.db commits with synchronous = FULL: in a thread of its own, concurrent writes share one fsync there
  if (config.vaultWorker) return ThreadedSqliteVault.open({ dataDir: config.dataDir, ...kek });
  return openSqliteVault({ dataDir: config.dataDir, groupCommit: true, ...kek });
}

/**
 * The API's own small database (DATA_DIR/api.db, or schema `api` in PostgreSQL): remembered Idempotency-Keys and
 * web sessions. Not the read models (rebuildable) nor the vault (keys): short-lived operational state.
 */
export async function openApiDatabase(config: AppConfig): Promise<Kysely<any>> {
  if (config.readModels === 'postgres') {
    const pool = new Pool({ connectionString: config.databaseUrl!, max: 4 });
    pool.on('error', () => undefined); // an idle client dropped by the server is replaced on the next query
    await pool.query('CREATE SCHEMA IF NOT EXISTS api');
    pool.on('connect', (client) => void client.query('SET search_path TO api'));
    return new Kysely({ dialect: new PostgresDialect({ pool }) });
  }
  ensurePrivateDir(config.dataDir);
  ensurePrivateFile(join(config.dataDir, 'api.db'));
  const database = new BetterSqlite3(join(config.dataDir, 'api.db'));
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/** Builds every port from the configuration: one code base, two ways to run. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  private readonly logger = new Logger('infrastructure');
  private readonly purgeTimer: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(API_DB) private readonly apiDb: Kysely<any>,
    readiness: ReadinessChecks,
  ) {
    readiness.register('eventStore', () => store.headPosition());
    readiness.register('vault', () => vault.lookup(['health:probe']));
    readiness.register('idempotencyStore', () => idempotency.ping());
    // remembered answers expire: purge them every ten minutes (and once at start)
    const purge = () => void idempotency.purgeExpired(Date.now()).catch((error) => this.logger.warn({ msg: 'purging expired idempotency keys failed', error: String(error) }));
    purge();
    this.purgeTimer = setInterval(purge, 10 * 60_000);
    this.purgeTimer.unref();
  }

  static forRoot(config: AppConfig): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: CLOCK, useValue: clockFrom(config.clock) },
      { provide: TERRITORIES, useFactory: () => Territories.official().warmUp() },
      { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
      { provide: VAULT, useFactory: () => openVault(config) },
      { provide: API_DB, useFactory: () => openApiDatabase(config) },
      { provide: IDEMPOTENCY_STORE, inject: [API_DB], useFactory: (db: Kysely<any>) => KyselyIdempotencyStore.open(db, { ttlMs: config.idempotencyTtlHours * 3_600_000 }) },
      { provide: SESSION_STORE, inject: [API_DB], useFactory: (db: Kysely<any>) => KyselySessionStore.open(db) },
      Metrics,
      ReadinessChecks,
      WriteSide,
      Access,
      AccessDirectory,
    ];
    return { module: InfrastructureModule, providers, exports: providers };
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.purgeTimer);
    for (const [name, close] of [
      ['API database', () => this.apiDb.destroy()],
      ['vault', () => this.vault.close()],
      ['event store', () => this.store.close()],
    ] as const) {
      try {
        await close();
      } catch (error) {
        this.logger.warn({ msg: `closing the ${name} failed`, error: String(error) });
      }
    }
  }
}
