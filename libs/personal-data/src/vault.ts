import type { ContactHash, ContactIndex } from './participant-identity';

/**
 * Where per-person keys live: OUTSIDE the event store, so that destroying a key makes the
 * ciphertext kept forever in events unreadable (crypto-shredding).
 *
 * Adapters: SQLite `keys.db` in DATA_DIR (embedded default), PostgreSQL schema `vault` (at scale),
 * in memory (tests). All pass `vault.contract.ts`.
 */
export interface PersonalDataVault extends ContactIndex {
  /** The person's 256-bit key, created at random on first use. After `destroyKey`, a new one. */
  ensureKey(participantId: string): Promise<Buffer>;
  /**
   * `ensureKey` and `remember` together, in one write: what registering a new person stores (its key and the
   * hashes that recognise them), one commit instead of two.
   */
  ensureKeyAndRemember(participantId: string, contactHashes: readonly ContactHash[]): Promise<Buffer>;
  /** The person's key, or null when there is none (never created, or destroyed). */
  getKey(participantId: string): Promise<Buffer | null>;
  /**
   * Overwrites then deletes the key and deletes the person's contact-hash index rows, then asks the
   * storage to drop the old bytes (SQLite: WAL checkpoint; PostgreSQL: VACUUM). Idempotent: calling
   * it again re-runs the scrub.
   */
  destroyKey(participantId: string): Promise<void>;
  /** The participant of the first hash (in the given order) that the index knows, else null. */
  lookup(contactHashes: readonly ContactHash[]): Promise<string | null>;
  /** Indexes the hashes to the participant; a hash already indexed keeps its participant. */
  remember(contactHashes: readonly ContactHash[], participantId: string): Promise<void>;
  /** The hashes indexed to a participant. */
  contactHashesOf(participantId: string): Promise<ContactHash[]>;
  /**
   * Erasure is two writes in two stores (the event, then the key): it is announced here first, so that a
   * crash between them is finished on the next start (`pendingErasures`), then cleared once complete.
   */
  announceErasure(participantId: string, at: string): Promise<void>;
  /** the erasures announced and not cleared, oldest first */
  pendingErasures(): Promise<string[]>;
  clearErasure(participantId: string): Promise<void>;
  /** A random 256-bit secret stored under `name`, created once and then the same for every caller. */
  loadOrCreateSecret(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export const KEY_BYTES = 32;
