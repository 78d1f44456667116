import { join } from 'node:path';
import { startThread, type StartedThread } from '@cafeia/threads';
import type { KekOptions } from '../key-wrapping';
import type { KekRotationReport } from '../kysely-vault';
import type { ContactHash } from '../participant-identity';
import type { PersonalDataVault } from '../vault';

/** a key crosses the thread boundary as a Uint8Array: callers get Buffers, as from the other vaults */
const buffer = (bytes: Uint8Array | null): Buffer | null => (bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/**
 * The embedded vault (`keys.db`) run in a worker thread (`vault.thread.ts`): every call is a message, its
 * writes are grouped into shared transactions there, and no fsync ever holds the caller's event loop.
 */
export class ThreadedSqliteVault implements PersonalDataVault {
  private constructor(private readonly thread: StartedThread) {}

  /** the key-encryption key(s) are handed to the thread (structured clone), which wraps and unwraps there */
  static async open(options: { dataDir: string } & KekOptions): Promise<ThreadedSqliteVault> {
    const workerData = { dataDir: options.dataDir, kek: options.kek ?? null, previousKek: options.previousKek ?? null };
    return new ThreadedSqliteVault(await startThread(join(__dirname, 'vault.thread'), { workerData }));
  }

  private call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.thread.channel.call<T>(method, ...args);
  }

  async ensureKey(participantId: string): Promise<Buffer> {
    return buffer(await this.call<Uint8Array>('ensureKey', participantId))!;
  }

  async ensureKeyAndRemember(participantId: string, contactHashes: readonly ContactHash[]): Promise<Buffer> {
    return buffer(await this.call<Uint8Array>('ensureKeyAndRemember', participantId, [...contactHashes]))!;
  }

  async getKey(participantId: string): Promise<Buffer | null> {
    return buffer(await this.call<Uint8Array | null>('getKey', participantId));
  }

  destroyKey(participantId: string): Promise<void> {
    return this.call('destroyKey', participantId);
  }

  lookup(contactHashes: readonly ContactHash[]): Promise<string | null> {
    return this.call('lookup', [...contactHashes]);
  }

  remember(contactHashes: readonly ContactHash[], participantId: string): Promise<void> {
    return this.call('remember', [...contactHashes], participantId);
  }

  contactHashesOf(participantId: string): Promise<ContactHash[]> {
    return this.call('contactHashesOf', participantId);
  }

  announceErasure(participantId: string, at: string): Promise<void> {
    return this.call('announceErasure', participantId, at);
  }

  pendingErasures(): Promise<string[]> {
    return this.call('pendingErasures');
  }

  clearErasure(participantId: string): Promise<void> {
    return this.call('clearErasure', participantId);
  }

  async loadOrCreateSecret(name: string): Promise<Buffer> {
    return buffer(await this.call<Uint8Array>('loadOrCreateSecret', name))!;
  }

  rotateKek(): Promise<KekRotationReport> {
    return this.call('rotateKek');
  }

  /** transactions committed and the writes they carried */
  stats(): Promise<{ transactions: number; writes: number }> {
    return this.call('stats');
  }

  close(): Promise<void> {
    return this.thread.stop();
  }
}
