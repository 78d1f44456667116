import { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';

/** Builders for the files the specs read: made in code, never committed as binaries. */

export const csv = (rows: (string | number)[][], delimiter = ';'): string =>
  rows.map((row) => row.map((cell) => (/[;,"\n\r]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(delimiter)).join('\r\n') + '\r\n';

/** A stream that hands the bytes over in small chunks, as an upload would */
export const chunked = (bytes: Buffer | string, size = 1000): Readable => {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return Readable.from(
    (function* () {
      for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
    })(),
  );
};

export type CellValue = ExcelJS.CellValue;

/** An XLSX workbook whose first sheet holds `rows`; `shape` may add merges, other sheets, formats */
export async function xlsx(rows: CellValue[][], shape: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void = () => undefined): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Feuille 1');
  for (const row of rows) sheet.addRow(row);
  shape(sheet, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every row of an async iterable (for specs on small files only) */
export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
