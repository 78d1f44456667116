import * as ExcelJS from 'exceljs';
import { ImportFileError, isImportFileError } from '../../errors';
import type { SheetRecord } from '../sheet-record';
import { cellText, columnLetters } from './cell-text';
import type { PreparedXlsx } from './prepare-xlsx';

const unreadable = () =>
  new ImportFileError('unreadable_xlsx', 'Ce classeur XLSX est illisible (contenu XML invalide). Ouvrez-le dans votre tableur et enregistrez-le à nouveau en .xlsx.');

/**
 * The rows of the prepared sheet through exceljs's streaming reader (one row at a time; styles
 * are read so that date cells come back as dates). A row's line is its row number in the sheet.
 */
export async function* xlsxRecords(prepared: PreparedXlsx): AsyncGenerator<SheetRecord> {
  const source = prepared.stream();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const date1904 = () => Boolean((reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904);
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        const issues: { index: number; message: string }[] = [];
        for (let column = 1; column < values.length; column++) {
          const value = values[column];
          const numFmt = value !== null && typeof value === 'object' && 'formula' in (value as object) ? row.getCell(column).numFmt : undefined;
          const text = cellText(value, { numFmt, date1904: date1904() });
          if ('issue' in text) {
            issues.push({ index: column - 1, message: `Cellule ${columnLetters(column)}${row.number} : ${text.issue}.` });
            cells[column - 1] = '';
          } else cells[column - 1] = text.text;
        }
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        yield issues.length > 0 ? { line: row.number, cells, issues } : { line: row.number, cells };
      }
      break; // the first sheet only: the prepared zip holds no other
    }
  } catch (error) {
    if (isImportFileError(error)) throw error;
    throw unreadable();
  } finally {
    source.destroy();
  }
}
