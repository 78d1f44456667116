import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { ImportFileError, isImportFileError } from '../errors';
import { detectDelimiter, type Delimiter } from './delimiter';
import type { SheetRecord } from './sheet-record';

/** Characters looked at to choose the separator */
const DELIMITER_SAMPLE = 64 * 1024;

async function takeText(text: AsyncIterable<string>, atLeast: number): Promise<{ start: string; rest: AsyncIterator<string>; done: boolean }> {
  const rest = text[Symbol.asyncIterator]();
  let start = '';
  while (start.length < atLeast) {
    const next = await rest.next();
    if (next.done) return { start, rest, done: true };
    start += next.value;
  }
  return { start, rest, done: false };
}

function csvProblem(error: CsvError, line: number): ImportFileError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError('malformed_csv', `Un guillemet ouvert vers la ligne ${line} n’est jamais fermé : vérifiez les guillemets de cette ligne.`, { line });
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError('malformed_csv', `La ligne ${line} est bien trop longue : un guillemet n’est sans doute pas fermé.`, { line });
    default:
      return new ImportFileError('malformed_csv', `Le fichier CSV est mal formé vers la ligne ${line}.`, { line });
  }
}

/**
 * The records of a CSV as they stream through csv-parse, numbered as a spreadsheet numbers its
 * rows (a cell with line breaks stays one row). Only a bounded window is ever held.
 */
export async function* csvRecords(text: AsyncIterable<string>, options: { maxRecordChars: number; onDelimiter?: (d: Delimiter) => void }): AsyncGenerator<SheetRecord> {
  const { start, rest, done } = await takeText(text, DELIMITER_SAMPLE);
  const delimiter = detectDelimiter(start);
  options.onDelimiter?.(delimiter);
  async function* all(): AsyncGenerator<string> {
    try {
      if (start) yield start;
      if (done) return;
      for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
    } finally {
      await rest.return?.();
    }
  }
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: options.maxRecordChars,
  });
  // the source's own refusals (413, encoding) reach the parser's reader through the pipeline
  const feeding = pipeline(Readable.from(all(), { objectMode: false }), parser).catch(() => undefined);
  let line = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      line++;
      yield { line, cells };
    }
  } catch (error) {
    if (isImportFileError(error)) throw error;
    if (error instanceof Error && 'code' in error && typeof (error as CsvError).code === 'string' && (error as CsvError).code.startsWith('CSV_')) {
      // the parser runs ahead of what was consumed: its own record count says where it stopped
      const parsedRecords = (error as CsvError & { records?: number }).records;
      throw csvProblem(error as CsvError, (typeof parsedRecords === 'number' ? parsedRecords : line) + 1);
    }
    throw error;
  } finally {
    parser.destroy();
    await feeding;
  }
}
