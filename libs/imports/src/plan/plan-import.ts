import { checkCoopActivityRow } from '../coop/check-coop-activity';
import { ImportFileError, type RowError } from '../errors';
import type { ImportKind } from '../kinds/import-kind';
import type { ImportLimits } from '../limits';
import type { ImportInput } from '../reading/byte-source';
import { openTable, type OpenedTable, type RawRow } from '../reading/open-table';
import { toApiRequests, type ApiRequest } from '../requests/api-requests';
import { checkAnimatorRow } from '../rows/check-animator';
import { checkAttendanceRow } from '../rows/check-attendance';
import { checkCafeRow } from '../rows/check-cafe';
import type { CheckContext } from '../rows/check-context';
import { checkStructureRow } from '../rows/check-structure';
import type { ImportRow, RowCheck } from '../rows/row-types';

export interface ImportOptions extends CheckContext {
  kind: ImportKind;
  limits?: Partial<ImportLimits>;
}

export type RowOutcome =
  | { status: 'valid'; line: number; ref: string; row: ImportRow; requests: ApiRequest[] }
  | { status: 'invalid'; line: number; ref: string | null; errors: RowError[] }
  | { status: 'skipped'; line: number; reason: string };

export interface ImportPlan extends Omit<OpenedTable, 'rows' | 'header'> {
  /** the columns of the kind the file has (English names), e.g. to say `structure_id` rather than `structure_ref` */
  columns: readonly string[];
  /** headers of the file that were not recognised (ignored) */
  ignoredColumns: readonly string[];
  /** one outcome per data row, in file order, streamed */
  outcomes: AsyncGenerator<RowOutcome>;
}

/** How each kind's rows are checked; the checker of La Coop's rows keeps a count of identical activities per file */
function rowChecker(kind: ImportKind, context: CheckContext): (raw: RawRow) => RowCheck<ImportRow> {
  switch (kind) {
    case 'structures':
      return (raw) => checkStructureRow(raw, context);
    case 'animators':
      return (raw) => checkAnimatorRow(raw, context);
    case 'cafes':
      return (raw) => checkCafeRow(raw, context);
    case 'attendance':
      return (raw) => checkAttendanceRow(raw, context);
    case 'coop_activities': {
      const occurrences = new Map<string, number>();
      return (raw) => checkCoopActivityRow(raw, context, occurrences);
    }
  }
}

/**
 * Reads a file of a kind and says, row by row, what each becomes: the API requests of a valid row,
 * the errors of an invalid one, or why a row is skipped (La Coop's non-AI activities). Rows are
 * streamed, never accumulated; what the file itself gets wrong is an `ImportFileError`, thrown by
 * this call (known from the header) or while iterating (known later: see `checkImport`).
 *
 * Across rows it refuses a ref used twice in the file and a café's anonymous headcount given twice
 * (each replaces the last: the file would not say what it means).
 */
export async function planImport(input: ImportInput, options: ImportOptions): Promise<ImportPlan> {
  const { kind, limits, ...context } = options;
  if (kind === 'coop_activities' && !context.coopStructureId) {
    throw new ImportFileError('structure_required', 'Choisissez la structure à laquelle rattacher les ateliers de l’export de La Coop.');
  }
  const table = await openTable(kind, input, limits);
  const check = rowChecker(kind, context);
  const refLines = new Map<string, number>();
  const headcountLines = new Map<string, number>();

  async function* outcomes(): AsyncGenerator<RowOutcome> {
    for await (const raw of table.rows) {
      const checked = check(raw);
      if (checked.ok === 'skipped') {
        yield { status: 'skipped', line: raw.line, reason: checked.reason };
        continue;
      }
      const errors = checked.ok ? [] : [...checked.errors];
      const ref = checked.ok ? checked.row.ref : raw.cells.ref?.trim().normalize('NFC') || null;
      if (ref !== null && kind !== 'coop_activities') {
        const first = refLines.get(ref);
        if (first !== undefined) errors.unshift({ line: raw.line, field: 'ref', message: `La référence « ${ref} » est déjà utilisée ligne ${first} de ce fichier : chaque ligne a sa propre référence.` });
        else refLines.set(ref, raw.line);
      }
      if (checked.ok && checked.row.kind === 'attendance' && checked.row.attendee === null) {
        const first = headcountLines.get(checked.row.cafeId);
        if (first !== undefined) {
          errors.push({
            line: raw.line,
            field: 'anonymous_count',
            message: `Le nombre de participants anonymes de ce café est déjà donné ligne ${first} : il remplace le précédent, gardez une seule ligne avec le total.`,
          });
        } else headcountLines.set(checked.row.cafeId, raw.line);
      }
      if (errors.length > 0 || !checked.ok) yield { status: 'invalid', line: raw.line, ref, errors };
      else yield { status: 'valid', line: raw.line, ref: checked.row.ref, row: checked.row, requests: toApiRequests(checked.row) };
    }
  }

  // facts read through getters: a CSV's encoding is only settled once its first non-ASCII byte is read
  const plan = { columns: Object.keys(table.header.indexes), ignoredColumns: table.header.ignored, outcomes: outcomes() };
  for (const key of ['kind', 'format', 'encoding', 'delimiter', 'sheetName', 'headerLine'] as const) {
    if (table[key] !== undefined) Object.defineProperty(plan, key, { get: () => table[key], enumerable: true });
  }
  return plan as unknown as ImportPlan;
}
