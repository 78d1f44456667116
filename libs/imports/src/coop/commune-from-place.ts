import { normalizeLabel } from '../kinds/normalize-label';

interface PostalRecord {
  codePostal: string;
  codeCommune: string;
  nomCommune: string;
  libelleAcheminement: string;
}

// codes-postaux (La Poste's base, by the Base Adresse Nationale team) is loaded on first use only
let find: ((postalCode: string) => PostalRecord[]) | undefined;
const postalRecords = (postalCode: string): PostalRecord[] => {
  find ??= (require('codes-postaux') as { find: (code: string) => PostalRecord[] }).find;
  return find(postalCode);
};

const comparable = (name: string) => normalizeLabel(name).replace(/\bst(e?)\b/g, 'saint$1').replace(/['’]/g, ' ').replace(/\s+/g, ' ');

/**
 * The INSEE code of the commune La Coop writes as "Structure, 69002 Lyon" or "01500 Ambérieu-en-Bugey":
 * the postal code's only commune, or the one whose name matches; null when it cannot be told
 * (the café then takes its structure's commune, as the API does by default).
 */
export function communeFromPlace(place: string): string | null {
  const match = /(\d{5})\s+([^,\n]+?)\s*$/.exec(place.trim());
  if (!match) return null;
  const [, postalCode, name] = match;
  const records = postalRecords(postalCode);
  const codes = [...new Set(records.map((r) => r.codeCommune))];
  if (codes.length === 1) return codes[0];
  const wanted = comparable(name);
  const named = [...new Set(records.filter((r) => comparable(r.nomCommune) === wanted || comparable(r.libelleAcheminement) === wanted).map((r) => r.codeCommune))];
  return named.length === 1 ? named[0] : null;
}
