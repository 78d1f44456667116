import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KEY_BYTES } from './vault';

/** What is sealed: normalised contacts and the name as given. */
export interface PersonalData {
  email?: string;
  phone?: string;
  name?: string;
}

const IV_BYTES = 12; // the GCM standard nonce; random per seal, so one key may seal many times
const TAG_BYTES = 16;

/** Thrown when a sealed blob was altered or sealed under another key: not the same as "erased". */
export class PersonalDataTampered extends Error {
  constructor() {
    super('personal data cannot be authenticated with this key');
    this.name = 'PersonalDataTampered';
  }
}

function assertKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new Error(`a personal-data key is ${KEY_BYTES} bytes`);
}

/** AES-256-GCM; base64 of iv (12) | tag (16) | ciphertext. */
export function sealPersonalData(key: Uint8Array, data: PersonalData): string {
  assertKey(key);
  const plain: PersonalData = {};
  if (data.email !== undefined) plain.email = data.email;
  if (data.phone !== undefined) plain.phone = data.phone;
  if (data.name !== undefined) plain.name = data.name;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const clear = Buffer.from(JSON.stringify(plain), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(clear), cipher.final()]);
  clear.fill(0);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

/**
 * Opens a sealed blob. A null key (the person was erased, or never had one) gives null;
 * a blob that does not authenticate throws `PersonalDataTampered`.
 */
export function openPersonalData(key: Uint8Array | null, sealed: string): PersonalData | null {
  if (key === null) return null;
  assertKey(key);
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new PersonalDataTampered();
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  let clear: Buffer;
  try {
    clear = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new PersonalDataTampered();
  }
  const parsed = JSON.parse(clear.toString('utf8')) as PersonalData;
  clear.fill(0);
  return parsed;
}
