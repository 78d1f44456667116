import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { KyselyPersonalDataVault } from './kysely-vault';
import { keyWrappingOf, type KekOptions } from './key-wrapping';
import { migrateVault, POSTGRES_VAULT_SCHEMA, type VaultDatabase } from './vault-migrations';

export interface PostgresVaultOptions extends KekOptions {
  /** a pool owned by the caller (not ended on close), or a connection string for a pool of our own */
  pool?: Pool;
  connectionString?: string;
  /** told when VACUUM fails (e.g. the role does not own the table); defaults to a process warning */
  onScrubFailed?: (error: unknown) => void;
}

/**
 * The vault at scale: tables in the `vault` schema. PostgreSQL never overwrites a row in place (MVCC):
 * the deleted key stays in a dead tuple until VACUUM, so each destroy is followed by a best-effort
 * VACUUM of the vault's tables. WAL segments, replicas and backups keep older copies until they
 * roll over; see the README.
 */
export async function openPostgresVault(options: PostgresVaultOptions): Promise<KyselyPersonalDataVault> {
  const ownsPool = options.pool === undefined;
  const pool = options.pool ?? new Pool({ connectionString: options.connectionString, max: 4 });
  pool.on('error', () => undefined); // an idle client dropped by the server is replaced on the next query
  const root = new Kysely<VaultDatabase>({ dialect: new PostgresDialect({ pool }) });
  await migrateVault(root, 'postgres');
  const db = root.withSchema(POSTGRES_VAULT_SCHEMA);
  const onScrubFailed =
    options.onScrubFailed ?? ((error: unknown) => process.emitWarning(`vault VACUUM failed: ${String(error)}`, 'PersonalDataVault'));
  return new KyselyPersonalDataVault(db, {
    async scrub() {
      try {
        // VACUUM cannot run in a transaction block; the pool runs it on its own connection.
        await sql`VACUUM ${sql.id(POSTGRES_VAULT_SCHEMA, 'participant_keys')}, ${sql.id(POSTGRES_VAULT_SCHEMA, 'contact_index')}`.execute(root);
      } catch (error) {
        onScrubFailed(error);
      }
    },
    // Kysely's destroy ends the pool: only when we created it.
    close: async () => {
      if (ownsPool) await root.destroy();
    },
  }, keyWrappingOf(options));
}
