import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CoalescedWrites } from './coalesced-writes';
import type { ContactHash } from './participant-identity';
import { KEY_BYTES, type PersonalDataVault } from './vault';
import type { VaultDatabase } from './vault-migrations';

export interface KyselyVaultHooks {
  /** Makes the storage drop the bytes of deleted rows (run after each destroy, outside its transaction). */
  scrub(): Promise<void>;
  /** Releases the connection(s). */
  close(): Promise<void>;
}

/** The query code shared by the SQLite and PostgreSQL vaults. */
export class KyselyPersonalDataVault implements PersonalDataVault {
  /** keys created and contacts indexed side by side share one commit (see CoalescedWrites) */
  private readonly writes: CoalescedWrites<VaultDatabase>;

  constructor(
    private readonly db: Kysely<VaultDatabase>,
    private readonly hooks: KyselyVaultHooks,
  ) {
    this.writes = new CoalescedWrites(db);
  }

  async ensureKey(participantId: string): Promise<Buffer> {
    const fresh = randomBytes(KEY_BYTES);
    // insert-or-keep, then read: two replicas enrolling the same person agree on one key
    const row = await this.writes.run(async (db) => {
      await db
        .insertInto('participant_keys')
        .values({ participant_id: participantId, key: fresh })
        .onConflict((oc) => oc.column('participant_id').doNothing())
        .execute();
      return db.selectFrom('participant_keys').select('key').where('participant_id', '=', participantId).executeTakeFirst();
    });
    if (row === undefined) throw new Error(`the key of ${participantId} vanished while being created`);
    const key = Buffer.from(row.key);
    if (!key.equals(fresh)) fresh.fill(0);
    return key;
  }

  async getKey(participantId: string): Promise<Buffer | null> {
    const row = await this.db.selectFrom('participant_keys').select('key').where('participant_id', '=', participantId).executeTakeFirst();
    return row === undefined ? null : Buffer.from(row.key);
  }

  async destroyKey(participantId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      // Overwrite before deleting, in case the storage keeps deleted cells (SQLite without
      // secure_delete). On PostgreSQL this only adds a row version: scrub() VACUUMs the old ones.
      await tx
        .updateTable('participant_keys')
        .set({ key: Buffer.alloc(KEY_BYTES) })
        .where('participant_id', '=', participantId)
        .execute();
      await tx.deleteFrom('participant_keys').where('participant_id', '=', participantId).execute();
      await tx.deleteFrom('contact_index').where('participant_id', '=', participantId).execute();
    });
    await this.hooks.scrub();
  }

  async lookup(contactHashes: readonly ContactHash[]): Promise<string | null> {
    if (contactHashes.length === 0) return null;
    const rows = await this.db
      .selectFrom('contact_index')
      .select(['contact_hash', 'participant_id'])
      .where('contact_hash', 'in', [...contactHashes])
      .execute();
    const byHash = new Map(rows.map((row) => [row.contact_hash, row.participant_id]));
    for (const hash of contactHashes) {
      const participantId = byHash.get(hash);
      if (participantId !== undefined) return participantId;
    }
    return null;
  }

  async remember(contactHashes: readonly ContactHash[], participantId: string): Promise<void> {
    if (contactHashes.length === 0) return;
    await this.writes.run((db) =>
      db
        .insertInto('contact_index')
        .values(contactHashes.map((contact_hash) => ({ contact_hash, participant_id: participantId })))
        .onConflict((oc) => oc.column('contact_hash').doNothing())
        .execute(),
    );
  }

  async contactHashesOf(participantId: string): Promise<ContactHash[]> {
    const rows = await this.db
      .selectFrom('contact_index')
      .select('contact_hash')
      .where('participant_id', '=', participantId)
      .orderBy('contact_hash')
      .execute();
    return rows.map((row) => row.contact_hash);
  }

  async announceErasure(participantId: string, at: string): Promise<void> {
    await this.db
      .insertInto('pending_erasures')
      .values({ participant_id: participantId, announced_at: at })
      .onConflict((oc) => oc.column('participant_id').doNothing())
      .execute();
  }

  async pendingErasures(): Promise<string[]> {
    const rows = await this.db.selectFrom('pending_erasures').select('participant_id').orderBy('announced_at').orderBy('participant_id').execute();
    return rows.map((row) => row.participant_id);
  }

  async clearErasure(participantId: string): Promise<void> {
    await this.db.deleteFrom('pending_erasures').where('participant_id', '=', participantId).execute();
  }

  async loadOrCreateSecret(name: string): Promise<Buffer> {
    const fresh = randomBytes(32);
    await this.db
      .insertInto('vault_secrets')
      .values({ name, value: fresh })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('vault_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return Buffer.from(row.value);
  }

  close(): Promise<void> {
    return this.hooks.close();
  }
}
