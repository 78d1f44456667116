import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { openPostgresVault } from './postgres-vault';
import { vaultContract } from './vault.contract';

/**
 * The PostgreSQL vault's suite, to be wired by a spec that has a database (not a `.spec.ts` itself,
 * so that no run skips it silently): `describePostgresVault(process.env.DATABASE_URL!)`.
 * It creates the `vault` schema if needed and leaves its rows behind (ids are random).
 */
export function describePostgresVault(databaseUrl: string): void {
  describe('PostgreSQL personal data vault', () => {
    let pool: Pool;
    beforeAll(() => {
      pool = new Pool({ connectionString: databaseUrl, max: 4 });
    });
    afterAll(async () => {
      await pool.end();
    });

    describe('contract', () => {
      vaultContract(() => openPostgresVault({ pool }));
    });

    it('keeps its tables in the vault schema', async () => {
      const vault = await openPostgresVault({ pool });
      await vault.close();
      const { rows } = await pool.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'vault' order by table_name`,
      );
      expect(rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['contact_index', 'participant_keys', 'vault_migration', 'vault_secrets']),
      );
    });

    it('VACUUMs the keys table after a destroy, so the dead row holding the key is pruned', async () => {
      const failures: unknown[] = [];
      const vault = await openPostgresVault({ pool, onScrubFailed: (error) => failures.push(error) });
      const lastVacuum = async () =>
        (await pool.query<{ at: Date | null }>(`select pg_stat_get_last_vacuum_time('vault.participant_keys'::regclass) as at`)).rows[0].at;
      const person = randomUUID();
      await vault.ensureKey(person);
      const before = await lastVacuum();

      await vault.destroyKey(person);

      expect(failures).toEqual([]);
      const after = await lastVacuum();
      expect(after).not.toBeNull();
      if (before !== null) expect(after!.getTime()).toBeGreaterThan(before.getTime());
      expect(await vault.getKey(person)).toBeNull();
      await vault.close();
    });

    it('leaves a pool it was given open when closed', async () => {
      const vault = await openPostgresVault({ pool });
      await vault.close();
      await expect(pool.query('select 1')).resolves.toMatchObject({ rowCount: 1 });
    });
  });
}
