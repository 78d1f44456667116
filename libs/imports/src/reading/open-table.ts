import { ImportFileError } from '../errors';
import { findHeader, headerProblem, type ResolvedHeader } from '../kinds/header-matching';
import { KIND_LABELS, type ImportKind } from '../kinds/import-kind';
import { withDefaults, type ImportLimits } from '../limits';
import { collectBytes, limitedBytes, peekBytes, type ImportInput } from './byte-source';
import { csvRecords } from './csv-records';
import type { Delimiter } from './delimiter';
import type { SheetRecord } from './sheet-record';
import { sniffFormat } from './sniff';
import { TextDecoding, type TextEncoding } from './text-decoding';
import { prepareXlsx } from './xlsx/prepare-xlsx';
import { tooManyRows } from './xlsx/too-many-rows';
import { xlsxRecords } from './xlsx/xlsx-records';

/** One data row: its line, its cells by English column name ('' when empty), what the reader saw */
export interface RawRow {
  line: number;
  cells: Readonly<Record<string, string>>;
  /** cell problems found while reading (a formula without result, an error value), by column */
  issues: readonly { field: string; message: string }[];
}

export interface OpenedTable {
  kind: ImportKind;
  format: 'csv' | 'xlsx';
  /** CSV only */
  encoding?: TextEncoding;
  /** CSV only */
  delimiter?: Delimiter;
  /** XLSX only: the sheet read */
  sheetName?: string;
  headerLine: number;
  header: ResolvedHeader;
  /**
   * The data rows, streamed: blank rows skipped, refused with a 413 past `maxRows`. Reading may
   * still end in an `ImportFileError` (a 413 past the byte limit of a stream, a broken quote, an
   * encoding mix): check the whole file (`checkImport`) before writing anything.
   */
  rows: AsyncGenerator<RawRow>;
}

const isBlank = (record: SheetRecord) => record.cells.every((cell) => cell.trim() === '');

/** `A2:A5` → 5, `B7` → 7: the last row a merged range covers */
const lastRowOf = (range: string): number => Math.max(...range.split(':').map((ref) => Number(/\d+$/.exec(ref)?.[0] ?? 0)));

/**
 * Opens a file for a kind: finds out what it is from its bytes, reads up to its header and its
 * first data row, and refuses there everything that can be known by then (empty, not a
 * spreadsheet, another kind, missing columns, merged cells, too big a workbook).
 */
export async function openTable(kind: ImportKind, input: ImportInput, limitsGiven: Partial<ImportLimits> = {}): Promise<OpenedTable> {
  const limits = withDefaults(limitsGiven);
  const { head, bytes } = await peekBytes(limitedBytes(input, limits.maxBytes), 4096);
  let format: 'csv' | 'xlsx';
  try {
    format = sniffFormat(head) === 'zip' ? 'xlsx' : 'csv';
  } catch (error) {
    await bytes.return(undefined);
    throw error;
  }

  const table: Partial<OpenedTable> = { kind, format };
  let records: AsyncGenerator<SheetRecord>;
  let merges: readonly string[] = [];
  if (format === 'xlsx') {
    const prepared = await prepareXlsx(await collectBytes(bytes), limits);
    table.sheetName = prepared.sheetName;
    merges = prepared.merges;
    records = xlsxRecords(prepared);
  } else {
    const decoding = new TextDecoding();
    records = csvRecords(decoding.decode(bytes), { maxRecordChars: limits.maxRecordChars, onDelimiter: (d) => (table.delimiter = d) });
    Object.defineProperty(table, 'encoding', { get: () => decoding.encoding, enumerable: true });
  }

  try {
    // the header: the first row with every required column, among the first rows
    const window: SheetRecord[] = [];
    let found: ReturnType<typeof findHeader> = null;
    let seen = 0;
    for (let next = await records.next(); !next.done; next = await records.next()) {
      seen++;
      if (!isBlank(next.value)) {
        window.push(next.value);
        found = findHeader(kind, [next.value]);
        if (found) break;
      }
      if (seen >= limits.headerSearchRows) break;
    }
    if (!found) {
      if (window.length === 0) throw new ImportFileError('empty_file', 'Le fichier ne contient aucune donnée : il est vide ou n’a que des lignes blanches.');
      throw headerProblem(kind, window);
    }
    const { line: headerLine, header } = found;

    const merged = merges.filter((range) => lastRowOf(range) >= headerLine);
    if (merged.length > 0) {
      const shown = merged.slice(0, 10);
      throw new ImportFileError(
        'merged_cells',
        `Le tableau contient des cellules fusionnées (${shown.join(', ')}${merged.length > shown.length ? ', …' : ''}) : défusionnez-les et mettez une valeur dans chaque cellule, puis importez à nouveau.`,
        { cells: merged },
      );
    }

    const fieldOf = new Map(Object.entries(header.indexes).map(([name, index]) => [index, name]));
    const toRow = (record: SheetRecord): RawRow => {
      const cells: Record<string, string> = {};
      for (const [name, index] of Object.entries(header.indexes)) cells[name] = (record.cells[index] ?? '').trim();
      const issues = (record.issues ?? []).flatMap(({ index, message }) => {
        const field = fieldOf.get(index);
        return field === undefined ? [] : [{ field, message }];
      });
      return { line: record.line, cells, issues };
    };

    // the first data row now, so that a file with none is refused before anything else happens
    let first = await records.next();
    while (!first.done && isBlank(first.value)) first = await records.next();
    if (first.done) {
      throw new ImportFileError('no_data_rows', `Le fichier n’a aucune ligne de ${KIND_LABELS[kind]} sous ses en-têtes (ligne ${headerLine}).`, { line: headerLine });
    }
    const firstRecord = first.value;

    async function* rows(): AsyncGenerator<RawRow> {
      try {
        let count = 1;
        yield toRow(firstRecord);
        for (let next = await records.next(); !next.done; next = await records.next()) {
          if (isBlank(next.value)) continue;
          if (++count > limits.maxRows) throw tooManyRows(limits.maxRows, next.value.line);
          yield toRow(next.value);
        }
      } finally {
        await records.return(undefined);
      }
    }
    return Object.assign(table, { headerLine, header, rows: rows() }) as OpenedTable;
  } catch (error) {
    await records.return(undefined);
    throw error;
  }
}
