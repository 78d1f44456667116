/**
 * The form names and queries are compared in: no accents, lower case, ligatures spelled out, every
 * run of other characters (hyphens, apostrophes, spaces, dots, parentheses) one space, and the
 * abbreviations `st`/`ste` read as `saint`/`sainte`. "Saint-Étienne", "saint etienne" and
 * "ST ETIENNE" all become `saint etienne`.
 */
export function searchText(text: string): string {
  // One pass over the decomposed text (36,000 names are put in this form when the index is built).
  const decomposed = text.normalize('NFD');
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < decomposed.length; i += 1) {
    const code = decomposed.charCodeAt(i);
    if (code >= 0x300 && code <= 0x36f) continue; // a combining accent
    let kept: string | undefined;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) kept = decomposed[i];
    else if (code >= 0x41 && code <= 0x5a) kept = String.fromCharCode(code + 0x20);
    else kept = LIGATURES[decomposed[i]];
    if (kept === undefined) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += kept;
  }
  return out.includes('st') ? out.replace(/\bste?\b/g, (abbreviation) => (abbreviation === 'st' ? 'saint' : 'sainte')) : out;
}

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae' };

/** A query that names a code rather than a name: digits (INSEE, department, SIREN, postcode) or a Corsican `2A…`/`2B…`. */
export function codeQuery(query: string): string | null {
  const compact = query.replace(/\s+/g, '').toUpperCase();
  return /^(\d{1,9}|2[AB]\d{0,3})$/.test(compact) ? compact : null;
}
