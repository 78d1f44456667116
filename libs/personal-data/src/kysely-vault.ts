import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { KeyWrapping, participantContext, secretContext } from './key-wrapping';
import type { ContactHash } from './participant-identity';
import { KEY_BYTES, type PersonalDataVault } from './vault';
import type { VaultDatabase } from './vault-migrations';

export interface KyselyVaultHooks {
  /** Makes the storage drop the bytes of deleted rows (run after each destroy, outside its transaction). */
  scrub(): Promise<void>;
  /** Releases the connection(s). */
  close(): Promise<void>;
}

/** What `rotateKek` did: values wrapped again under the current KEK, and those already under it. */
export interface KekRotationReport {
  rewrapped: number;
  alreadyCurrent: number;
}

/** rows re-wrapped per transaction by `rotateKek` */
const ROTATION_BATCH = 500;

/** The query code shared by the SQLite and PostgreSQL vaults. */
export class KyselyPersonalDataVault implements PersonalDataVault {
  constructor(
    private readonly db: Kysely<VaultDatabase>,
    private readonly hooks: KyselyVaultHooks,
    /** the key-encryption key(s): by default none, keys stored as they are */
    private readonly wrapping: KeyWrapping = KeyWrapping.none,
  ) {}

  async ensureKey(participantId: string): Promise<Buffer> {
    const fresh = randomBytes(KEY_BYTES);
    // insert-or-keep, then read: two replicas enrolling the same person agree on one key
    await this.db
      .insertInto('participant_keys')
      .values({ participant_id: participantId, key: this.wrapping.wrap(fresh, participantContext(participantId)) })
      .onConflict((oc) => oc.column('participant_id').doNothing())
      .execute();
    const key = await this.getKey(participantId);
    if (key === null) throw new Error(`the key of ${participantId} vanished while being created`);
    if (!key.equals(fresh)) fresh.fill(0);
    return key;
  }

  /** a new person's key and contact hashes, in one transaction */
  async ensureKeyAndRemember(participantId: string, contactHashes: readonly ContactHash[]): Promise<Buffer> {
    return this.db.transaction().execute(async (trx) => {
      const vault = new KyselyPersonalDataVault(trx, this.hooks, this.wrapping);
      const key = await vault.ensureKey(participantId);
      await vault.remember(contactHashes, participantId);
      return key;
    });
  }

  async getKey(participantId: string): Promise<Buffer | null> {
    const row = await this.db.selectFrom('participant_keys').select('key').where('participant_id', '=', participantId).executeTakeFirst();
    return row === undefined ? null : this.wrapping.unwrap(row.key, participantContext(participantId));
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
    await this.db
      .insertInto('contact_index')
      .values(contactHashes.map((contact_hash) => ({ contact_hash, participant_id: participantId })))
      .onConflict((oc) => oc.column('contact_hash').doNothing())
      .execute();
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
      .values({ name, value: this.wrapping.wrap(fresh, secretContext(name)) })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('vault_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    const secret = this.wrapping.unwrap(row.value, secretContext(name));
    if (!secret.equals(fresh)) fresh.fill(0);
    return secret;
  }

  /**
   * Wraps every key and secret under the current KEK: unwrapped ones (stored before a KEK was given) and those
   * wrapped by a previous KEK (which this vault must have been given). Resumable: what is already under the
   * current KEK is left alone, and each row is replaced only if it is still what was read (a key destroyed
   * meanwhile stays destroyed). The old bytes are then scrubbed as after a destroy.
   */
  async rotateKek(): Promise<KekRotationReport> {
    if (!this.wrapping.wraps) throw new Error('rotating needs the new key-encryption key (VAULT_KEK or VAULT_KEK_FILE)');
    const report: KekRotationReport = { rewrapped: 0, alreadyCurrent: 0 };
    const tables = [
      { table: 'participant_keys', id: 'participant_id', value: 'key', context: participantContext },
      { table: 'vault_secrets', id: 'name', value: 'value', context: secretContext },
    ] as const;
    for (const { table, id, value, context } of tables) {
      let after = '';
      for (;;) {
        const rows = (await this.db
          .selectFrom(table)
          .select([`${id} as id`, `${value} as value`] as never[])
          .where(id as never, '>', after as never)
          .orderBy(id as never)
          .limit(ROTATION_BATCH)
          .execute()) as unknown as { id: string; value: Buffer }[];
        if (rows.length === 0) break;
        await this.db.transaction().execute(async (tx) => {
          for (const row of rows) {
            if (this.wrapping.stateOf(row.value) === 'current') {
              report.alreadyCurrent += 1;
              continue;
            }
            const plain = this.wrapping.unwrap(row.value, context(row.id));
            await tx
              .updateTable(table)
              .set({ [value]: this.wrapping.wrap(plain, context(row.id)) } as never)
              .where(id as never, '=', row.id as never)
              .where(value as never, '=', row.value as never)
              .execute();
            plain.fill(0);
            report.rewrapped += 1;
          }
        });
        after = rows[rows.length - 1].id;
      }
    }
    await this.hooks.scrub();
    return report;
  }

  close(): Promise<void> {
    return this.hooks.close();
  }
}
