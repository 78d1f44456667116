import { createThrowawayDatabase, postgresWanted } from '@cafeia/database/testing';
import { openPostgresVault } from './postgres-vault';
import { describePostgresVault } from './postgres-vault.suite';
import { vaultKekContract } from './vault-kek.contract';

/**
 * The PostgreSQL vault: the adapter contract on DATABASE_URL's `vault` schema (random ids), and the
 * key-encryption key contract on a throwaway database of its own (a rotation re-wraps every row).
 * Without DATABASE_URL it fails, unless CAFEIA_SKIP_POSTGRES=1.
 */
const url = process.env.DATABASE_URL;

if (!url) {
  if (postgresWanted()) {
    describe('the PostgreSQL vault', () => {
      it('needs a PostgreSQL: set DATABASE_URL (scripts/infra/postgres.sh start) or CAFEIA_SKIP_POSTGRES=1', () => {
        throw new Error('DATABASE_URL is not set');
      });
    });
  }
} else {
  describePostgresVault(url);

  describe('PostgreSQL personal data vault with a key-encryption key', () => {
    let database: { url: string; drop: () => Promise<void> };
    beforeAll(async () => {
      database = await createThrowawayDatabase();
    });
    afterAll(async () => {
      await database?.drop();
    });
    vaultKekContract((kek) => openPostgresVault({ connectionString: database.url, ...kek }));
  });
}
