import type { Kysely } from 'kysely';
import { GroupCommit } from './group-commit';
import type { KeyWrapping } from './key-wrapping';
import { KyselyPersonalDataVault, type KekRotationReport, type KyselyVaultHooks } from './kysely-vault';
import type { ContactHash } from './participant-identity';
import type { PersonalDataVault } from './vault';
import type { VaultDatabase } from './vault-migrations';

/**
 * A layer around the vault's writes: the keys and contact hashes that concurrent requests store go into one
 * shared transaction (`GroupCommit`), each through the vault's own code bound to that transaction; reads,
 * erasures and secrets go to the vault as they are.
 */
export class GroupCommitVault implements PersonalDataVault {
  private readonly group: GroupCommit<VaultDatabase>;

  constructor(
    private readonly vault: KyselyPersonalDataVault,
    db: Kysely<VaultDatabase>,
    private readonly hooks: KyselyVaultHooks,
    /** the vault's key-encryption key(s): the writes made in a shared transaction wrap keys as the vault does */
    private readonly wrapping: KeyWrapping,
  ) {
    this.group = new GroupCommit(db);
  }

  get stats(): { transactions: number; writes: number } {
    return this.group.stats;
  }

  private within(trx: Kysely<VaultDatabase>): KyselyPersonalDataVault {
    return new KyselyPersonalDataVault(trx, this.hooks, this.wrapping);
  }

  ensureKey(participantId: string): Promise<Buffer> {
    return this.group.run((trx) => this.within(trx).ensureKey(participantId));
  }

  remember(contactHashes: readonly ContactHash[], participantId: string): Promise<void> {
    return this.group.run((trx) => this.within(trx).remember(contactHashes, participantId));
  }

  ensureKeyAndRemember(participantId: string, contactHashes: readonly ContactHash[]): Promise<Buffer> {
    return this.group.run(async (trx) => {
      const vault = this.within(trx);
      const key = await vault.ensureKey(participantId);
      await vault.remember(contactHashes, participantId);
      return key;
    });
  }

  getKey(participantId: string): Promise<Buffer | null> {
    return this.vault.getKey(participantId);
  }

  destroyKey(participantId: string): Promise<void> {
    return this.vault.destroyKey(participantId);
  }

  lookup(contactHashes: readonly ContactHash[]): Promise<string | null> {
    return this.vault.lookup(contactHashes);
  }

  contactHashesOf(participantId: string): Promise<ContactHash[]> {
    return this.vault.contactHashesOf(participantId);
  }

  announceErasure(participantId: string, at: string): Promise<void> {
    return this.vault.announceErasure(participantId, at);
  }

  pendingErasures(): Promise<string[]> {
    return this.vault.pendingErasures();
  }

  clearErasure(participantId: string): Promise<void> {
    return this.vault.clearErasure(participantId);
  }

  loadOrCreateSecret(name: string): Promise<Buffer> {
    return this.vault.loadOrCreateSecret(name);
  }

  rotateKek(): Promise<KekRotationReport> {
    return this.vault.rotateKek();
  }

  close(): Promise<void> {
    return this.vault.close();
  }
}
