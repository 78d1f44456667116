import { sql, type Kysely } from 'kysely';
import type { Migrations } from '@cafeia/database';
import { databaseKind, runMigrations } from '@cafeia/database';
import { checkpointsMigrations } from '../engine/checkpoints';
import type { ReadModel } from '../engine/read-model';
import { READ_MODEL_SET } from '../read-models';

/** The tables of the engine and of every read model, each read model's migrations under its own name. */
export const readModelMigrations = (models: readonly ReadModel<any>[] = READ_MODEL_SET): Migrations =>
  Object.assign({}, checkpointsMigrations, ...models.map((model) => model.migrations));

/**
 * A generation built by a release whose read-model schema cannot be brought forward (the first releases kept
 * every table in one migration): it must be rebuilt from the store into a new generation.
 */
export class ReadModelSchemaOutdated extends Error {
  constructor(readonly migrations: string[]) {
    super(`read-model schema written by another release (${migrations.join(', ')}): rebuild into a new generation`);
    this.name = 'ReadModelSchemaOutdated';
  }
}

/** migrations recorded in the generation that this release does not know */
async function unknownMigrations(db: Kysely<any>, known: Migrations, schema?: string): Promise<string[]> {
  const table = schema && databaseKind(db) === 'postgres' ? sql`${sql.id(schema)}.kysely_migration` : sql`kysely_migration`;
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    return rows.map((r) => r.name).filter((name) => !(name in known));
  } catch {
    return []; // a new generation: no migration table yet
  }
}

/**
 * Creates or upgrades the read-model tables (PostgreSQL: inside `schema` when given); throws
 * `ReadModelSchemaOutdated` when the generation was written by an incompatible release.
 */
export async function migrateReadModels(db: Kysely<any>, schema?: string, models?: readonly ReadModel<any>[]): Promise<string[]> {
  const migrations = readModelMigrations(models);
  const unknown = await unknownMigrations(db, migrations, schema);
  if (unknown.length > 0) throw new ReadModelSchemaOutdated(unknown);
  // each read model numbers its own migrations; one added later may sort before another model's: run it anyway
  return runMigrations(db, migrations, { ...(schema ? { schema } : {}), allowUnorderedMigrations: true });
}
