import { randomBytes } from 'node:crypto';
import type { ContactHash } from './participant-identity';
import { KEY_BYTES, type PersonalDataVault } from './vault';

/** For tests of code that uses a vault; keeps nothing on disk. */
export class InMemoryPersonalDataVault implements PersonalDataVault {
  private readonly keys = new Map<string, Buffer>();
  private readonly index = new Map<ContactHash, string>();
  private readonly secrets = new Map<string, Buffer>();
  private readonly erasures = new Map<string, string>();

  async announceErasure(participantId: string, at: string): Promise<void> {
    if (!this.erasures.has(participantId)) this.erasures.set(participantId, at);
  }

  async pendingErasures(): Promise<string[]> {
    return [...this.erasures].sort(([a, at], [b, bt]) => at.localeCompare(bt) || a.localeCompare(b)).map(([id]) => id);
  }

  async clearErasure(participantId: string): Promise<void> {
    this.erasures.delete(participantId);
  }

  async ensureKeyAndRemember(participantId: string, contactHashes: readonly ContactHash[]): Promise<Buffer> {
    const key = await this.ensureKey(participantId);
    await this.remember(contactHashes, participantId);
    return key;
  }

  async ensureKey(participantId: string): Promise<Buffer> {
    let key = this.keys.get(participantId);
    if (key === undefined) {
      key = randomBytes(KEY_BYTES);
      this.keys.set(participantId, key);
    }
    return Buffer.from(key);
  }

  async getKey(participantId: string): Promise<Buffer | null> {
    const key = this.keys.get(participantId);
    return key === undefined ? null : Buffer.from(key);
  }

  async destroyKey(participantId: string): Promise<void> {
    this.keys.get(participantId)?.fill(0);
    this.keys.delete(participantId);
    for (const [hash, owner] of this.index) if (owner === participantId) this.index.delete(hash);
  }

  async lookup(contactHashes: readonly ContactHash[]): Promise<string | null> {
    for (const hash of contactHashes) {
      const participantId = this.index.get(hash);
      if (participantId !== undefined) return participantId;
    }
    return null;
  }

  async remember(contactHashes: readonly ContactHash[], participantId: string): Promise<void> {
    for (const hash of contactHashes) if (!this.index.has(hash)) this.index.set(hash, participantId);
  }

  async contactHashesOf(participantId: string): Promise<ContactHash[]> {
    return [...this.index].filter(([, owner]) => owner === participantId).map(([hash]) => hash).sort();
  }

  async loadOrCreateSecret(name: string): Promise<Buffer> {
    let secret = this.secrets.get(name);
    if (secret === undefined) {
      secret = randomBytes(32);
      this.secrets.set(name, secret);
    }
    return Buffer.from(secret);
  }

  async close(): Promise<void> {}
}
