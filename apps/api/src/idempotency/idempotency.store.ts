import { Kysely, sql } from 'kysely';

/** A response remembered under an Idempotency-Key. Only a hash of the request is kept, never its body. */
export interface RememberedResponse {
  requestHash: string;
  status: number;
  body: string;
}

export interface IdempotencyStore {
  find(scopeKey: string): Promise<RememberedResponse | null>;
  /** keeps the first response remembered under that key */
  remember(scopeKey: string, response: RememberedResponse, at: string): Promise<void>;
  close(): Promise<void>;
}

interface IdempotencyTables {
  idempotency_keys: { scope_key: string; request_hash: string; status: number; body: string; created_at: string };
}

/** Kysely over SQLite (DATA_DIR/api.db) or PostgreSQL (schema `api`): the same queries on both. */
export class KyselyIdempotencyStore implements IdempotencyStore {
  private constructor(private readonly db: Kysely<IdempotencyTables>) {}

  static async open(db: Kysely<any>): Promise<KyselyIdempotencyStore> {
    await db.schema
      .createTable('idempotency_keys')
      .ifNotExists()
      .addColumn('scope_key', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    return new KyselyIdempotencyStore(db as Kysely<IdempotencyTables>);
  }

  async find(scopeKey: string): Promise<RememberedResponse | null> {
    const row = await this.db.selectFrom('idempotency_keys').select(['request_hash', 'status', 'body']).where('scope_key', '=', scopeKey).executeTakeFirst();
    return row ? { requestHash: row.request_hash, status: Number(row.status), body: row.body } : null;
  }

  async remember(scopeKey: string, response: RememberedResponse, at: string): Promise<void> {
    await this.db
      .insertInto('idempotency_keys')
      .values({ scope_key: scopeKey, request_hash: response.requestHash, status: response.status, body: response.body, created_at: at })
      .onConflict((oc) => oc.column('scope_key').doNothing())
      .execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

export { sql };
