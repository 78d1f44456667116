import { Kysely, sql } from 'kysely';

/**
 * Responses remembered under an Idempotency-Key. A key is first *reserved* (so that two concurrent requests
 * with one key cannot both run), then *completed* with the response, or *released* when the request failed.
 * Only a keyed hash (HMAC) of the request is kept, never its body; rows expire after a time to live, and the
 * rows whose response names a person are purged when that person is erased.
 */
export interface RememberedResponse {
  requestHash: string;
  status: number;
  body: string;
}

export type Reservation =
  | { outcome: 'reserved' }
  | { outcome: 'replay'; response: RememberedResponse }
  | { outcome: 'in_progress'; requestHash: string }
  | { outcome: 'mismatch' };

export interface IdempotencyStore {
  /** reserves the key for this request, or says what the key already holds */
  reserve(scopeKey: string, requestHash: string, nowMs: number): Promise<Reservation>;
  /** stores the response of a reserved key, with the people it names (purged on their erasure) */
  complete(scopeKey: string, response: Omit<RememberedResponse, 'requestHash'>, participantIds: readonly string[]): Promise<void>;
  /** forgets a reservation whose request failed, so that a retry runs again */
  release(scopeKey: string): Promise<void>;
  /** deletes every row naming that person */
  purgeParticipant(participantId: string): Promise<number>;
  /** deletes the rows older than the time to live */
  purgeExpired(nowMs: number): Promise<number>;
  ping(): Promise<void>;
}

interface IdempotencyTables {
  idempotency_requests: { scope_key: string; request_hash: string; state: string; status: number; body: string; created_ms: number };
  idempotency_subjects: { scope_key: string; participant_id: string };
}

/** a reservation older than this is a request that died with its process: it may be taken over */
export const ABANDONED_AFTER_MS = 60_000;

/** Kysely over SQLite (DATA_DIR/api.db) or PostgreSQL (schema `api`): the same queries on both. */
export class KyselyIdempotencyStore implements IdempotencyStore {
  private constructor(
    private readonly db: Kysely<IdempotencyTables>,
    private readonly ttlMs: number,
  ) {}

  static async open(db: Kysely<any>, options: { ttlMs: number }): Promise<KyselyIdempotencyStore> {
    // the first release kept an unsalted hash of request bodies (which hold emails) forever: drop it
    await db.schema.dropTable('idempotency_keys').ifExists().execute();
    await db.schema
      .createTable('idempotency_requests')
      .ifNotExists()
      .addColumn('scope_key', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('state', 'varchar(16)', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('idempotency_requests_created').ifNotExists().on('idempotency_requests').column('created_ms').execute();
    await db.schema
      .createTable('idempotency_subjects')
      .ifNotExists()
      .addColumn('scope_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('participant_id', 'varchar(40)', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_subjects_pk', ['participant_id', 'scope_key'])
      .execute();
    return new KyselyIdempotencyStore(db as Kysely<IdempotencyTables>, options.ttlMs);
  }

  async reserve(scopeKey: string, requestHash: string, nowMs: number): Promise<Reservation> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await this.db
        .insertInto('idempotency_requests')
        .values({ scope_key: scopeKey, request_hash: requestHash, state: 'pending', status: 0, body: '', created_ms: nowMs })
        .onConflict((oc) => oc.column('scope_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { outcome: 'reserved' };
      const row = await this.db.selectFrom('idempotency_requests').selectAll().where('scope_key', '=', scopeKey).executeTakeFirst();
      if (!row) continue; // released or purged in between: try to reserve again
      const age = nowMs - Number(row.created_ms);
      const stale = age >= this.ttlMs || (row.state === 'pending' && age >= ABANDONED_AFTER_MS);
      if (stale) {
        // expired, or reserved by a request that never finished: take it over (only if nobody else did)
        await this.db.deleteFrom('idempotency_requests').where('scope_key', '=', scopeKey).where('created_ms', '=', row.created_ms).execute();
        await this.db.deleteFrom('idempotency_subjects').where('scope_key', '=', scopeKey).execute();
        continue;
      }
      if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
      if (row.state === 'pending') return { outcome: 'in_progress', requestHash: row.request_hash };
      return { outcome: 'replay', response: { requestHash: row.request_hash, status: Number(row.status), body: row.body } };
    }
    return { outcome: 'in_progress', requestHash };
  }

  async complete(scopeKey: string, response: Omit<RememberedResponse, 'requestHash'>, participantIds: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('idempotency_requests')
        .set({ state: 'done', status: response.status, body: response.body })
        .where('scope_key', '=', scopeKey)
        .execute();
      const people = [...new Set(participantIds)];
      if (people.length > 0) {
        await trx
          .insertInto('idempotency_subjects')
          .values(people.map((participant_id) => ({ scope_key: scopeKey, participant_id })))
          .onConflict((oc) => oc.columns(['participant_id', 'scope_key']).doNothing())
          .execute();
      }
    });
  }

  async release(scopeKey: string): Promise<void> {
    await this.db.deleteFrom('idempotency_requests').where('scope_key', '=', scopeKey).where('state', '=', 'pending').execute();
  }

  async purgeParticipant(participantId: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const keys = (await trx.selectFrom('idempotency_subjects').select('scope_key').where('participant_id', '=', participantId).execute()).map((r) => r.scope_key);
      if (keys.length === 0) return 0;
      const deleted = await trx.deleteFrom('idempotency_requests').where('scope_key', 'in', keys).executeTakeFirst();
      await trx.deleteFrom('idempotency_subjects').where('scope_key', 'in', keys).execute();
      return Number(deleted.numDeletedRows);
    });
  }

  async purgeExpired(nowMs: number): Promise<number> {
    const cutoff = nowMs - this.ttlMs;
    return this.db.transaction().execute(async (trx) => {
      const old = trx.selectFrom('idempotency_requests').select('scope_key').where('created_ms', '<', cutoff);
      await trx.deleteFrom('idempotency_subjects').where('scope_key', 'in', old).execute();
      const deleted = await trx.deleteFrom('idempotency_requests').where('created_ms', '<', cutoff).executeTakeFirst();
      return Number(deleted.numDeletedRows);
    });
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

}
