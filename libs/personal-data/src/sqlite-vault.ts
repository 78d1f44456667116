import { ensurePrivateDir, ensurePrivateFile } from '@cafeia/database';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { withStatementCache } from '@cafeia/database';
import { Kysely, SqliteDialect } from 'kysely';
import { GroupCommitVault } from './group-commit-vault';
import { keyWrappingOf, type KekOptions } from './key-wrapping';
import { KyselyPersonalDataVault, type KyselyVaultHooks } from './kysely-vault';
import { migrateVault, type VaultDatabase } from './vault-migrations';

export const SQLITE_VAULT_FILE = 'keys.db';

/**
 * The embedded vault: `keys.db` in DATA_DIR, apart from the event store's file.
 * Open it from one process only: a reader in another process can keep the WAL from being truncated.
 */
export async function openSqliteVault(options: { dataDir: string } & KekOptions): Promise<KyselyPersonalDataVault>;
/** `groupCommit`: concurrent writes share one transaction and one fsync (see GroupCommitVault) */
export async function openSqliteVault(options: { dataDir: string; groupCommit: true } & KekOptions): Promise<GroupCommitVault>;
export async function openSqliteVault(options: { dataDir: string; groupCommit?: boolean } & KekOptions): Promise<KyselyPersonalDataVault | GroupCommitVault> {
  ensurePrivateDir(options.dataDir);
  const file = join(options.dataDir, SQLITE_VAULT_FILE);
  // Keys are secrets: owner-only, set before the WAL exists (SQLite gives -wal/-shm the db's mode).
  ensurePrivateFile(file);
  const database = new Database(file);
  // secure_delete zeroes deleted cells and freed pages instead of leaving them in the file.
  database.pragma('secure_delete = ON');
  database.pragma('journal_mode = WAL');
  // A key lost in a crash after its ciphertext was appended would erase a person by accident.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');

  const db = new Kysely<VaultDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  await migrateVault(db, 'sqlite');
  const hooks: KyselyVaultHooks = {
    async scrub() {
      // The WAL still holds the page images written when the key was created; TRUNCATE copies the
      // latest (zeroed) pages into the db file and cuts the WAL to zero bytes.
      const [result] = database.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      if (result.busy !== 0) {
        throw new Error('keys.db: the key is deleted but the WAL could not be truncated (a reader is open); call destroyKey again');
      }
    },
    close: () => db.destroy(),
  };
  const wrapping = keyWrappingOf(options);
  const vault = new KyselyPersonalDataVault(db, hooks, wrapping);
  return options.groupCommit ? new GroupCommitVault(vault, db, hooks, wrapping) : vault;
}
