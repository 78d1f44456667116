import { ImportFileError } from '../errors';
import { KIND_SPECS } from './columns';
import { IMPORT_KINDS, KIND_LABELS, type ImportKind } from './import-kind';
import { normalizeLabel } from './normalize-label';

/** Where each known column sits in the file, and what the file has that we do not read */
export interface ResolvedHeader {
  /** English column name → 0-based cell index */
  readonly indexes: Readonly<Record<string, number>>;
  /** headers found in the file and not recognised (they are ignored) */
  readonly ignored: readonly string[];
}

const lookups = new Map<ImportKind, Map<string, string>>(
  IMPORT_KINDS.map((kind) => {
    const lookup = new Map<string, string>();
    for (const spec of KIND_SPECS[kind].columns) {
      for (const label of [spec.name, spec.header, ...spec.aliases]) lookup.set(normalizeLabel(label), spec.name);
    }
    return [kind, lookup];
  }),
);

/** The English column a header cell names for this kind, if any */
export const columnOf = (kind: ImportKind, headerCell: string): string | undefined => lookups.get(kind)?.get(normalizeLabel(headerCell));

interface Matched {
  indexes: Record<string, number>;
  duplicates: string[];
  ignored: string[];
}

function match(kind: ImportKind, cells: readonly string[]): Matched {
  const indexes: Record<string, number> = {};
  const duplicates: string[] = [];
  const ignored: string[] = [];
  cells.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const name = columnOf(kind, cell);
    if (name === undefined) ignored.push(cell.trim());
    else if (name in indexes) duplicates.push(name);
    else indexes[name] = index;
  });
  return { indexes, duplicates, ignored };
}

const missingGroups = (kind: ImportKind, indexes: Record<string, number>): (readonly string[])[] =>
  KIND_SPECS[kind].required.filter((group) => !group.some((name) => name in indexes));

const satisfies = (kind: ImportKind, cells: readonly string[]): boolean => missingGroups(kind, match(kind, cells).indexes).length === 0;

const headerOf = (kind: ImportKind, name: string): string => KIND_SPECS[kind].columns.find((c) => c.name === name)?.header ?? name;

/** « titre » (title), « référence de la structure » ou « identifiant de la structure » (structure_ref ou structure_id) */
const describeGroups = (kind: ImportKind, groups: readonly (readonly string[])[]): string =>
  groups.map((group) => `${group.map((n) => `« ${headerOf(kind, n)} »`).join(' ou ')} (${group.join(' ou ')})`).join(', ');

/**
 * Finds the header among the first rows of a file: the first row that has every required column of
 * the kind. Returns null when no row of `rows` has them (the caller may look further or give up).
 */
export function findHeader(kind: ImportKind, rows: readonly { line: number; cells: readonly string[] }[]): { line: number; header: ResolvedHeader } | null {
  for (const row of rows) {
    if (!satisfies(kind, row.cells)) continue;
    const matched = match(kind, row.cells);
    if (matched.duplicates.length > 0) {
      const names = [...new Set(matched.duplicates)];
      throw new ImportFileError(
        'duplicate_columns',
        `Ligne ${row.line} : plusieurs colonnes portent le même nom (${names.map((n) => `« ${headerOf(kind, n)} »`).join(', ')}). Gardez une seule colonne de chaque.`,
        { columns: names, line: row.line },
      );
    }
    return { line: row.line, header: { indexes: matched.indexes, ignored: matched.ignored } };
  }
  return null;
}

/**
 * Why no header of `kind` was found: the file is of another kind (422 naming it) or columns are
 * missing (422 naming them, from the row that looked most like a header).
 */
export function headerProblem(kind: ImportKind, rows: readonly { line: number; cells: readonly string[] }[]): ImportFileError {
  for (const other of IMPORT_KINDS) {
    if (other === kind) continue;
    const row = rows.find((r) => satisfies(other, r.cells));
    if (row) {
      return new ImportFileError(
        'wrong_kind',
        `Ce fichier ressemble à un fichier de ${KIND_LABELS[other]} (en-têtes ligne ${row.line}), pas de ${KIND_LABELS[kind]}. Choisissez le type « ${other} » ou envoyez le bon fichier.`,
        { looksLike: other, line: row.line },
      );
    }
  }
  let best: { line: number; known: number; missing: (readonly string[])[] } = { line: rows[0]?.line ?? 1, known: -1, missing: [...KIND_SPECS[kind].required] };
  for (const row of rows) {
    const { indexes } = match(kind, row.cells);
    const known = Object.keys(indexes).length;
    if (known > best.known) best = { line: row.line, known, missing: missingGroups(kind, indexes) };
  }
  const columns = best.missing.flat();
  const where = best.known > 0 ? `ligne ${best.line}` : 'la première ligne doit porter les en-têtes des colonnes';
  return new ImportFileError(
    'missing_columns',
    `Colonnes manquantes pour un fichier de ${KIND_LABELS[kind]} (${where}) : ${describeGroups(kind, best.missing)}. Partez du modèle de fichier pour avoir les bons en-têtes.`,
    { columns, line: best.line },
  );
}
