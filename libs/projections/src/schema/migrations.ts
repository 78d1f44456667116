import { sql, type Kysely } from 'kysely';
import type { Migrations } from '@cafeia/database';
import { databaseKind, runMigrations } from '@cafeia/database';
import { checkpointsMigrations } from '../engine/checkpoints';
import type { ReadModel } from '../engine/read-model';
import { READ_MODEL_SET } from '../read-models';
import { isHistoryMigration } from './history-migration';

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

/** migrations recorded in the generation */
async function recordedMigrations(db: Kysely<any>, schema?: string): Promise<string[]> {
  const table = schema && databaseKind(db) === 'postgres' ? sql`${sql.id(schema)}.kysely_migration` : sql`kysely_migration`;
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    return rows.map((r) => r.name);
  } catch {
    return []; // a new generation: no migration table yet
  }
}

/**
 * Creates or upgrades the read-model tables (PostgreSQL: inside `schema` when given); throws
 * `ReadModelSchemaOutdated` when the generation was written by an incompatible release: a newer one (migrations
 * this release does not know), or an older one lacking a migration derived from history (see `historyMigration`).
 */
export async function migrateReadModels(db: Kysely<any>, schema?: string, models?: readonly ReadModel<any>[]): Promise<string[]> {
  const migrations = readModelMigrations(models);
  const recorded = await recordedMigrations(db, schema);
  const unknown = recorded.filter((name) => !(name in migrations));
  if (unknown.length > 0) throw new ReadModelSchemaOutdated(unknown);
  if (recorded.length > 0) {
    const fromHistory = Object.keys(migrations).filter((name) => !recorded.includes(name) && isHistoryMigration(migrations[name]));
    if (fromHistory.length > 0) throw new ReadModelSchemaOutdated(fromHistory);
  }
  // each read model numbers its own migrations; one added later may sort before another model's: run it anyway
  return runMigrations(db, migrations, { ...(schema ? { schema } : {}), allowUnorderedMigrations: true });
}
