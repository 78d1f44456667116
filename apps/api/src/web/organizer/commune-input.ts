import type { Territories } from '@cafeia/territories';

export interface CommuneCandidate {
  code: string;
  name: string;
  /** where it lies, to tell namesakes apart (« Ille-et-Vilaine (35) · Bretagne ») */
  context: string;
}

export type CommuneReading =
  /** nothing typed: the structure's commune */
  | { kind: 'default' }
  | { kind: 'found'; code: string }
  | { kind: 'ambiguous'; message: string; candidates: CommuneCandidate[] }
  | { kind: 'unknown'; message: string };

const CODE = /^([0-9]{5}|2[AB][0-9]{3})$/i;
const CANDIDATES = 10;

/** a name as compared: no case, no accents, no punctuation (« Saint-Étienne » = « saint etienne ») */
const comparable = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** the name of a commune or arrondissement code, as a person reads it (« Paris 11e Arrondissement ») */
export function communeName(territories: Territories, code: string): string | null {
  const resolved = territories.resolveCommune(code);
  return resolved ? (resolved.arrondissement?.name ?? resolved.name) : null;
}

/**
 * Where a café takes place, as typed in its form: an INSEE code (a commune or an arrondissement), a postcode or
 * a name, found in the official geographic code. One match is taken; several are offered to choose from (a
 * postcode shared by communes, namesakes, a code that is also another commune's postcode).
 */
export function readCommune(territories: Territories, typed: string): CommuneReading {
  const text = typed.trim();
  if (text === '') return { kind: 'default' };
  const results = territories.search(text, { levels: ['commune'], limit: CANDIDATES }).map(({ code, name, context }) => ({ code, name, context }));
  if (CODE.test(text)) {
    const code = text.toUpperCase();
    const resolved = territories.resolveCommune(code);
    const others = results.filter((r) => r.code !== code && r.code !== resolved?.code);
    if (resolved && others.length === 0) return { kind: 'found', code };
    if (!resolved && results.length === 1) return { kind: 'found', code: results[0].code };
    if (!resolved && results.length === 0) return { kind: 'unknown', message: `Aucune commune n’a le code ou le code postal ${text}.` };
    const self = resolved ? [{ code, name: communeName(territories, code)!, context: `code INSEE ${code}` }] : [];
    return { kind: 'ambiguous', message: `Plusieurs communes correspondent à ${text} : choisissez la bonne.`, candidates: [...self, ...others] };
  }
  const exact = results.filter((r) => comparable(r.name) === comparable(text));
  if (exact.length === 1) return { kind: 'found', code: exact[0].code };
  if (results.length === 0) return { kind: 'unknown', message: `Aucune commune ne s’appelle « ${text} » : vérifiez l’orthographe, ou écrivez son code postal.` };
  return { kind: 'ambiguous', message: `Plusieurs communes correspondent à « ${text} » : choisissez la bonne.`, candidates: exact.length > 1 ? exact : results };
}
