import { Kysely } from 'kysely';
import { databaseKind } from '@cafeia/database';
import type { ReadModelDb } from '../schema/read-model-db';

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
