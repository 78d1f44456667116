import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A throwaway PostgreSQL database for one suite, on the server of DATABASE_URL (the test command starts one).
 * Without DATABASE_URL the suite fails loudly, unless CAFEIA_SKIP_POSTGRES=1 says to leave PostgreSQL out.
 */
export async function createThrowawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run the suite through `npm test`, which starts a local PostgreSQL');
  const name = `cafeia_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** false when CAFEIA_SKIP_POSTGRES=1 says to leave PostgreSQL out (describeOnBothDialects follows the same switch) */
export const postgresWanted = () => process.env.CAFEIA_SKIP_POSTGRES !== '1';
