import { parsed, refused, type Parsed } from './parsed';

/** Whole numbers as typed or as a spreadsheet gives them ("12", "12.0", "1 000") */
export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = /^([+-]?\d+)(?:[.,]0+)?$/.exec(compact);
  if (!match) return refused(`« ${text.trim()} » n’est pas un nombre entier.`);
  const value = Number(match[1]);
  if (value < min || value > max) return refused(`${value} : le nombre doit être entre ${min} et ${max}.`);
  return parsed(value);
}

/**
 * An INSEE commune code on 5 characters. A spreadsheet that took "01004" for a number gives
 * "1004" (or "1004.0"): the lost leading zero is put back. Corsica's 2A/2B are upper-cased.
 * Whether the commune exists is for the caller's reference (see `ImportOptions.isKnownCommune`).
 */
export function parseCommuneCode(text: string): Parsed<string> {
  const value = text.trim().toUpperCase().replace(/\.0+$/, '');
  if (/^\d{4}$/.test(value)) return parsed(`0${value}`);
  if (/^(\d{5}|2[AB]\d{3})$/.test(value)) return parsed(value);
  return refused(`« ${text.trim()} » n’est pas un code commune INSEE (5 caractères, ex. 69123 ou 2A004 ; ce n’est pas le code postal).`);
}

export function parseSiret(text: string): Parsed<string> {
  const value = text.trim().replace(/[\s\u00a0\u202f.]/g, '');
  if (/^\d{14}$/.test(value)) return parsed(value);
  return refused(`« ${text.trim()} » n’est pas un numéro SIRET (14 chiffres).`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseUuid(text: string): Parsed<string> {
  const value = text.trim();
  if (UUID.test(value)) return parsed(value.toLowerCase());
  return refused(`« ${value} » n’est pas un identifiant valide (un UUID comme 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a).`);
}

/** Free text, trimmed, at most `max` characters */
export function parseText(text: string, max: number): Parsed<string> {
  const value = text.trim();
  if (value.length > max) return refused(`Le texte fait ${value.length} caractères, ${max} au plus.`);
  return parsed(value);
}

/** A row's own key: trimmed, Unicode-normalised, case kept */
export function parseRef(text: string): Parsed<string> {
  const value = text.trim().normalize('NFC');
  if (value.length > 200) return refused(`La référence fait ${value.length} caractères, 200 au plus.`);
  return parsed(value);
}
