import type { Kysely } from 'kysely';

/**
 * Web sessions kept server-side (the cookie holds only a signed random id): signing out or an expired session
 * deletes the row, so a copied cookie is worth nothing afterwards. The interface is @fastify/session's store.
 */
interface SessionTables {
  web_sessions: { session_id: string; data: string; expires_ms: number };
}

type Callback = (error?: unknown) => void;
type SessionCallback = (error: unknown, session?: any) => void;

/** a session with no cookie expiry is kept this long at most */
const DEFAULT_LIFETIME_MS = 8 * 3_600_000;

export class KyselySessionStore {
  private constructor(private readonly db: Kysely<SessionTables>) {}

  static async open(db: Kysely<any>): Promise<KyselySessionStore> {
    await db.schema
      .createTable('web_sessions')
      .ifNotExists()
      .addColumn('session_id', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('expires_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('web_sessions_expires').ifNotExists().on('web_sessions').column('expires_ms').execute();
    return new KyselySessionStore(db as Kysely<SessionTables>);
  }

  set(sessionId: string, session: { cookie?: { expires?: Date | string | null } }, callback: Callback): void {
    const expires = session.cookie?.expires ? new Date(session.cookie.expires).getTime() : Date.now() + DEFAULT_LIFETIME_MS;
    const data = JSON.stringify(session);
    this.db
      .insertInto('web_sessions')
      .values({ session_id: sessionId, data, expires_ms: expires })
      .onConflict((oc) => oc.column('session_id').doUpdateSet({ data, expires_ms: expires }))
      .execute()
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: SessionCallback): void {
    this.db
      .selectFrom('web_sessions')
      .select(['data', 'expires_ms'])
      .where('session_id', '=', sessionId)
      .executeTakeFirst()
      .then((row) => callback(null, row && Number(row.expires_ms) > Date.now() ? JSON.parse(row.data) : null), callback);
  }

  destroy(sessionId: string, callback: Callback): void {
    this.db
      .deleteFrom('web_sessions')
      .where('session_id', '=', sessionId)
      .execute()
      .then(() => callback(), callback);
  }

  /** deletes expired sessions (the API does it every ten minutes) */
  async purgeExpired(nowMs = Date.now()): Promise<number> {
    const result = await this.db.deleteFrom('web_sessions').where('expires_ms', '<', nowMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
