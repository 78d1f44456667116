import { Kysely } from 'kysely';
import { databaseKind } from '@cafeia/database';

export interface CheckpointTable {
  projection: string;
  /** 'all' for a store subscription; a Kafka consumer keeps one row per partition */
  partition: string;
  /** decimal string; compared with comparePositions, never in SQL */
  position: string;
  events_applied: number;
  last_event_at: string | null;
  updated_at: string;
}

export interface CheckpointsTables {
  projection_checkpoints: CheckpointTable;
}

/** the engine's own table: where each projection (and partition) stands, written in every batch's transaction */
export const checkpointsMigrations = {
  'engine/001-checkpoints': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('projection_checkpoints')
        .addColumn('projection', 'text', (c) => c.notNull())
        .addColumn('partition', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('events_applied', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_event_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('projection_checkpoints_pk', ['projection', 'partition'])
        .execute();
    },
  },
};

/** any read-model database: they all hold the checkpoints table */
type ReadModelDb = any;

/** the checkpoint name of the read models this library maintains (one projection set, one transaction) */
export const READ_MODELS = 'read-models';
/** the partition of a subscription to the store's whole log; a Kafka consumer uses its partition number */
export const WHOLE_LOG = 'all';

export interface Checkpoint {
  projection: string;
  partition: string;
  /** last applied position */
  position: string;
  eventsApplied: number;
  /** recordedAt of the last applied event */
  lastEventAt: string | null;
  /** when it was applied */
  updatedAt: string;
}

export async function readCheckpoint(db: Kysely<ReadModelDb>, projection: string, partition: string, lock = false): Promise<Checkpoint | null> {
  let query = db.selectFrom('projection_checkpoints').selectAll().where('projection', '=', projection).where('partition', '=', partition);
  if (lock && databaseKind(db) === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? {
        projection: row.projection,
        partition: row.partition,
        position: row.position,
        eventsApplied: Number(row.events_applied),
        lastEventAt: row.last_event_at,
        updatedAt: row.updated_at,
      }
    : null;
}

export async function readCheckpoints(db: Kysely<ReadModelDb>, projection: string): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('projection_checkpoints').selectAll().where('projection', '=', projection).orderBy('partition').execute();
  return rows.map((row) => ({
    projection: row.projection,
    partition: row.partition,
    position: row.position,
    eventsApplied: Number(row.events_applied),
    lastEventAt: row.last_event_at,
    updatedAt: row.updated_at,
  }));
}

export async function writeCheckpoint(db: Kysely<ReadModelDb>, checkpoint: Checkpoint): Promise<void> {
  await db
    .insertInto('projection_checkpoints')
    .values({
      projection: checkpoint.projection,
      partition: checkpoint.partition,
      position: checkpoint.position,
      events_applied: checkpoint.eventsApplied,
      last_event_at: checkpoint.lastEventAt,
      updated_at: checkpoint.updatedAt,
    })
    .onConflict((oc) =>
      oc.columns(['projection', 'partition']).doUpdateSet({
        position: checkpoint.position,
        events_applied: checkpoint.eventsApplied,
        last_event_at: checkpoint.lastEventAt,
        updated_at: checkpoint.updatedAt,
      }),
    )
    .execute();
}
