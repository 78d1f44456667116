import { createHmac } from 'node:crypto';
import type { Contacts } from './normalise';

/** `email:<hex>` or `phone:<hex>`: a keyed hash of one normalised contact, never the contact itself. */
export type ContactHash = string;

export interface ContactHashes {
  email?: ContactHash;
  phone?: ContactHash;
  /** the hashes present, email first: the order in which they identify a person */
  all: ContactHash[];
}

/** What recognition needs from the vault's contact index (see `PersonalDataVault`). */
export interface ContactIndex {
  lookup(contactHashes: readonly ContactHash[]): Promise<string | null>;
  contactHashesOf(participantId: string): Promise<ContactHash[]>;
}

export interface ResolvedParticipant {
  participantId: string;
  contactHashes: ContactHash[];
  /** true when the index already knew one of the contacts */
  recognised: boolean;
}

// The kind is inside the MAC input so that an email and a phone can never hash alike.
function mac(secret: Uint8Array, kind: 'email' | 'phone', value: string): Buffer {
  assertSecret(secret);
  return createHmac('sha256', secret).update(`${kind}:${value}`, 'utf8').digest();
}

function assertSecret(secret: Uint8Array): void {
  // A short secret makes the hashes of phone numbers (about 10^9 French mobiles) cheap to reverse.
  if (secret.length < 32) throw new Error('the participant-id secret must be at least 32 bytes');
}

/** Keyed hashes of the normalised contacts, email first. */
export function contactHashes(secret: Uint8Array, contacts: Contacts): ContactHashes {
  const result: ContactHashes = { all: [] };
  if (contacts.email !== undefined) {
    result.email = `email:${mac(secret, 'email', contacts.email).toString('hex')}`;
    result.all.push(result.email);
  }
  if (contacts.phone !== undefined) {
    result.phone = `phone:${mac(secret, 'phone', contacts.phone).toString('hex')}`;
    result.all.push(result.phone);
  }
  return result;
}

/** The first 16 bytes of a digest laid out as an RFC 9562 version 8 (custom) UUID. */
export function uuidV8(digest: Uint8Array): string {
  if (digest.length < 16) throw new Error('a UUID needs 16 bytes');
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx (RFC 9562)
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id a person gets when the index knows none of their contacts: from the email when there is
 * one, else from the phone. The same normalised contact gives the same id on every machine.
 */
export function candidateParticipantId(secret: Uint8Array, contacts: Contacts): string {
  if (contacts.email !== undefined) return uuidV8(mac(secret, 'email', contacts.email));
  if (contacts.phone !== undefined) return uuidV8(mac(secret, 'phone', contacts.phone));
  throw new Error('a participant is identified by an email or a phone');
}

/**
 * Recognises a person: the index first, then the deterministic id.
 *
 * - A known email wins: it is personal.
 * - A known phone is the same person, unless the request brings an email and the phone's owner
 *   already has a different email on record: phones are shared within households and structures,
 *   so two emails behind one phone are two people.
 * - Otherwise the candidate id (email, else phone).
 *
 * It only reads; the caller `remember`s the hashes once the registration is stored.
 */
export async function resolveParticipant(index: ContactIndex, secret: Uint8Array, contacts: Contacts): Promise<ResolvedParticipant> {
  const hashes = contactHashes(secret, contacts);
  const found = (participantId: string): ResolvedParticipant => ({ participantId, contactHashes: hashes.all, recognised: true });

  if (hashes.email !== undefined) {
    const byEmail = await index.lookup([hashes.email]);
    if (byEmail !== null) return found(byEmail);
  }
  if (hashes.phone !== undefined) {
    const byPhone = await index.lookup([hashes.phone]);
    if (byPhone !== null) {
      if (hashes.email === undefined) return found(byPhone);
      const known = await index.contactHashesOf(byPhone);
      if (!known.some((hash) => hash.startsWith('email:'))) return found(byPhone);
    }
  }
  return { participantId: candidateParticipantId(secret, contacts), contactHashes: hashes.all, recognised: false };
}
