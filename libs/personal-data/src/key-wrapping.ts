import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Per-person keys and the vault's secrets, stored wrapped by a key-encryption key (KEK) held outside the
 * vault (`VAULT_KEK` or `VAULT_KEK_FILE`): a copy of the vault's storage alone then opens nothing.
 *
 * A wrapped value is `01 | kek id (8) | iv (12) | tag (16) | AES-256-GCM ciphertext`, authenticated with the
 * row it belongs to (`participant:<id>`, `secret:<name>`) so that a wrapped key moved to another row does not
 * open. The KEK id (the first 8 bytes of a SHA-256 of the KEK) says which KEK wrapped it without revealing it.
 * A value of exactly 32 bytes is an unwrapped key, as stored before a KEK was given: still read, re-wrapped
 * by `rotateKek`.
 */
const VERSION = 0x01;
const KEK_BYTES = 32;
const ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + ID_BYTES + IV_BYTES + TAG_BYTES;
const UNWRAPPED_BYTES = 32;

/** A stored key this process cannot open: wrapped by a KEK it was not given. Not the same as "erased". */
export class VaultKeyUnavailable extends Error {
  constructor(detail: string) {
    super(`the vault's keys cannot be opened: ${detail}`);
    this.name = 'VaultKeyUnavailable';
  }
}

export const kekId = (kek: Uint8Array): Buffer => createHash('sha256').update('cafeia-vault-kek\0').update(kek).digest().subarray(0, ID_BYTES);

export type WrapState = 'unwrapped' | 'current' | 'other';

export class KeyWrapping {
  private readonly current: { id: Buffer; kek: Buffer } | null;
  private readonly byId = new Map<string, Buffer>();

  /** `kek`: wraps what is written (null: written unwrapped, as before); `previous`: still unwraps what they wrapped */
  constructor(kek: Uint8Array | null = null, previous: readonly Uint8Array[] = []) {
    for (const key of [kek, ...previous]) {
      if (key !== null && key.length !== KEK_BYTES) throw new Error(`a key-encryption key is ${KEK_BYTES} bytes`);
    }
    this.current = kek ? { id: kekId(kek), kek: Buffer.from(kek) } : null;
    for (const key of [...(kek ? [kek] : []), ...previous]) this.byId.set(kekId(key).toString('hex'), Buffer.from(key));
  }

  static readonly none = new KeyWrapping();

  get wraps(): boolean {
    return this.current !== null;
  }

  wrap(plain: Uint8Array, context: string): Buffer {
    if (!this.current) return Buffer.from(plain);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.kek, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), this.current.id, iv, cipher.getAuthTag(), ciphertext]);
  }

  /** how a stored value is kept: unwrapped, wrapped by the current KEK, or by another one */
  stateOf(stored: Uint8Array): WrapState {
    if (!isWrapped(stored)) return 'unwrapped';
    return this.current && Buffer.from(stored.subarray(1, 1 + ID_BYTES)).equals(this.current.id) ? 'current' : 'other';
  }

  unwrap(stored: Uint8Array, context: string): Buffer {
    if (!isWrapped(stored)) {
      if (stored.length !== UNWRAPPED_BYTES) throw new VaultKeyUnavailable(`a stored value of ${stored.length} bytes is neither a key nor a wrapped key`);
      return Buffer.from(stored);
    }
    const id = Buffer.from(stored.subarray(1, 1 + ID_BYTES)).toString('hex');
    const kek = this.byId.get(id);
    if (!kek) {
      throw new VaultKeyUnavailable(
        this.current ? `a key is wrapped by a key-encryption key (id ${id}) other than VAULT_KEK; give the old one as VAULT_KEK_PREVIOUS` : `they are wrapped by a key-encryption key (id ${id}); set VAULT_KEK or VAULT_KEK_FILE`,
      );
    }
    const bytes = Buffer.from(stored);
    const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(1 + ID_BYTES, 1 + ID_BYTES + IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(1 + ID_BYTES + IV_BYTES, HEADER_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new VaultKeyUnavailable(`the wrapped key of ${context} does not authenticate (altered, or moved from another row)`);
    }
  }
}

/** a wrapped 32-byte value is 69 bytes starting with the version; an unwrapped key is 32 bytes */
const isWrapped = (stored: Uint8Array): boolean => stored.length === HEADER_BYTES + UNWRAPPED_BYTES && stored[0] === VERSION;

export const participantContext = (participantId: string): string => `participant:${participantId}`;
export const secretContext = (name: string): string => `secret:${name}`;
/** The key-encryption key that wraps the stored keys (none: stored as they are), and the one rotated away from. */
export interface KekOptions {
  kek?: Uint8Array | null;
  previousKek?: Uint8Array | null;
}

export const keyWrappingOf = (options: KekOptions): KeyWrapping =>
  new KeyWrapping(options.kek ?? null, options.previousKek ? [options.previousKek] : []);
