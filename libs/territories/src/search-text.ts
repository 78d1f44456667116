/**
 * The form names and queries are compared in: no accents, lower case, ligatures spelled out, every
 * run of other characters (hyphens, apostrophes, spaces, dots, parentheses) one space, and the
 * abbreviations `st`/`ste` read as `saint`/`sainte`. "Saint-Étienne", "saint etienne" and
 * "ST ETIENNE" all become `saint etienne`.
 */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bste?\b/g, (abbreviation) => (abbreviation === 'st' ? 'saint' : 'sainte'));
}

/** A query that names a code rather than a name: digits (INSEE, department, SIREN, postcode) or a Corsican `2A…`/`2B…`. */
export function codeQuery(query: string): string | null {
  const compact = query.replace(/\s+/g, '').toUpperCase();
  return /^(\d{1,9}|2[AB]\d{0,3})$/.test(compact) ? compact : null;
}
