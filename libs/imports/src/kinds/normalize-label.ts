/**
 * How headers and enumeration values are compared: case, accents, apostrophes, underscores,
 * hyphens, repeated or non-breaking spaces and a trailing "required" star do not matter, so
 * "Code commune (INSEE)*", "code_commune_insee" and "CODE COMMUNE (insee)" are the same header.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[_\-‐‑–—]/g, ' ')
    .replace(/\s*\*+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
