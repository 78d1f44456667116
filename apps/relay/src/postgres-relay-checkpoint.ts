import { isPosition } from '@cafeia/event-store';
import type { RelayCheckpointStore } from '@cafeia/messaging';

/** The part of a pg `Client` or `Pool` the checkpoint needs. */
export interface Queryable {
  query<R extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export const RELAY_SCHEMA = 'relay';

/**
 * The relay's checkpoint in PostgreSQL (`relay.checkpoints`, one row per topic), so that a relay on
 * another machine resumes where the last one stopped. Pass the connection that holds the relay's
 * advisory lock: a save then fails as soon as that session (and so the lock) is gone, and a relay that
 * lost its lock cannot move the checkpoint under the one that took over.
 */
export class PostgresRelayCheckpointStore implements RelayCheckpointStore {
  private ready: Promise<void> | null = null;

  constructor(private readonly db: Queryable, private readonly topic: string) {}

  private ensureTable(): Promise<void> {
    this.ready ??= (async () => {
      await this.db.query(`CREATE SCHEMA IF NOT EXISTS ${RELAY_SCHEMA}`);
      await this.db.query(`CREATE TABLE IF NOT EXISTS ${RELAY_SCHEMA}.checkpoints (
        topic text PRIMARY KEY,
        position text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now())`);
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async load(): Promise<string | null> {
    await this.ensureTable();
    const { rows } = await this.db.query<{ position: string }>(`SELECT position FROM ${RELAY_SCHEMA}.checkpoints WHERE topic = $1`, [this.topic]);
    if (rows.length === 0) return null;
    const position = rows[0].position;
    // refusing beats guessing: restarting from the beginning or the end would replay or skip events
    if (!isPosition(position)) throw new Error(`relay checkpoint of ${this.topic} is corrupt: ${position.slice(0, 100)}`);
    return position;
  }

  async save(position: string): Promise<void> {
    if (!isPosition(position)) throw new Error(`not a position: ${position}`);
    await this.ensureTable();
    await this.db.query(
      `INSERT INTO ${RELAY_SCHEMA}.checkpoints (topic, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (topic) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      [this.topic, position],
    );
  }
}
