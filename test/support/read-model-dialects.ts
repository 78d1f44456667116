import { createThrowawayDatabase, postgresWanted } from '@cafeia/database/testing';

/** where the API under test keeps its read models: the environment to start it with, and what to drop after */
export type ReadModelDialect = [name: string, prepare: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>];

/**
 * The read models an e2e suite runs against, for `describe.each`: SQLite always, and PostgreSQL (a throwaway
 * database of the test cluster) whenever the suite runs with one (`npm test` starts it).
 */
export function readModelDialects(): ReadModelDialect[] {
  const dialects: ReadModelDialect[] = [['SQLite read models', async () => ({ env: {}, drop: async () => undefined })]];
  if (postgresWanted()) {
    dialects.push([
      'PostgreSQL read models',
      async () => {
        const database = await createThrowawayDatabase();
        return { env: { READ_MODELS: 'postgres', DATABASE_URL: database.url }, drop: database.drop };
      },
    ]);
  }
  return dialects;
}
