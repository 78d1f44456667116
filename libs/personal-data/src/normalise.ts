import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Normalised contacts: the only form in which an email or phone is hashed or sealed, so that the
 * same person typed two ways is the same person.
 */
export interface Contacts {
  email?: string;
  phone?: string;
}

// A sensible shape, not RFC 5322: one `@`, no whitespace or control characters, a dotted domain of
// letter/digit/hyphen labels and a top-level label of at least two letters. Unicode letters are allowed
// (internationalised addresses exist); quoted local parts and IP-literal domains are not.
const LOCAL_PART = /^[^\s@"(),:;<>[\\\]\p{Cc}]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const TOP_LEVEL_LABEL = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

/**
 * Characters that render as nothing or reorder text (zero-width spaces and joiners, bidi controls, the BOM,
 * soft hyphens, fillers): an address carrying one looks like another person's but would hash differently.
 * Refused rather than stripped, since a reader cannot see what was typed.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800]/u;

export const hasInvisibleCharacters = (text: string): boolean => INVISIBLE.test(text);

/**
 * Trimmed, compatibility-normalised (Unicode NFKC: fullwidth ｌｅａ＠ｅｘａｍｐｌｅ．ｏｒｇ is lea@example.org) and
 * lower-cased email, or null when it does not look like an email or holds an invisible character.
 */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  if (hasInvisibleCharacters(raw.trim())) return null;
  const email = raw.trim().normalize('NFKC').toLowerCase();
  if (email.length > 254) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at !== email.indexOf('@')) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  const labels = domain.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((label) => label.length <= 63 && DOMAIN_LABEL.test(label))) return null;
  if (!TOP_LEVEL_LABEL.test(labels[labels.length - 1])) return null;
  return email;
}

/**
 * French overseas departments and collectivities that share the metropolitan habit of a leading
 * trunk `0` but have their own country calling code: "0696 12 34 56" is a Martinique mobile
 * (+596 696…), not a metropolitan number, and must match the same person typing "+596 696 12 34 56".
 */
const FRENCH_OVERSEAS: readonly CountryCode[] = ['RE', 'GP', 'MQ', 'GF', 'YT', 'PM', 'BL', 'MF'];

/**
 * Phone number in E.164 (`+33612345678`), or null when it is not a valid number.
 * National forms are read as French (default country FR), then as a French overseas number.
 * Uses the full ("max") metadata: the default "min" metadata validates lengths only and would
 * accept "0696123456" as a metropolitan number, giving an overseas person two identities.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  if (hasInvisibleCharacters(raw.trim())) return null;
  const input = raw.trim().normalize('NFKC');
  // libphonenumber skips trailing letters ("0612345678a") and reads "x12" as an extension; a typo
  // must not become someone's number, and an extension is not part of who a person is
  if (input === '' || /\p{L}/u.test(input)) return null;
  const metropolitan = parsePhoneNumberFromString(input, 'FR');
  if (metropolitan?.isValid()) return metropolitan.number;
  const nationalForm = /^0[1-9]/.test(input.replace(/[\s.\-()]/g, ''));
  if (!nationalForm) return null;
  for (const region of FRENCH_OVERSEAS) {
    const overseas = parsePhoneNumberFromString(input, region);
    if (overseas?.isValid()) return overseas.number;
  }
  return null;
}

export type ContactsNormalisation =
  | { ok: true; contacts: Contacts }
  | { ok: false; invalid: 'email' | 'phone' | 'missing' };

/** Normalises what a client sent; refuses an invalid field rather than silently dropping it. */
export function normaliseContacts(raw: { email?: string | null; phone?: string | null }): ContactsNormalisation {
  const contacts: Contacts = {};
  if (raw.email != null && raw.email.trim() !== '') {
    const email = normaliseEmail(raw.email);
    if (email === null) return { ok: false, invalid: 'email' };
    contacts.email = email;
  }
  if (raw.phone != null && raw.phone.trim() !== '') {
    const phone = normalisePhone(raw.phone);
    if (phone === null) return { ok: false, invalid: 'phone' };
    contacts.phone = phone;
  }
  if (contacts.email === undefined && contacts.phone === undefined) return { ok: false, invalid: 'missing' };
  return { ok: true, contacts };
}
