/**
 * CSV as OpenDataFrance (the SCDL's authors) and data.gouv.fr's schema guides ask for open data:
 * UTF-8, `,` between fields, CRLF after every line, a header row, RFC 4180 quoting. No byte-order
 * mark by default: the validators (Validata, frictionless) and most programs read UTF-8 without one,
 * and a naive reader would take it as part of the first column's name; `bom: true` adds it for a
 * download meant for Excel.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  readonly bom?: boolean;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const lines = [header.map(cell), ...rows.map((row) => row.map(cell))].map((cells) => cells.join(','));
  return (options.bom ? '\uFEFF' : '') + lines.map((line) => `${line}\r\n`).join('');
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`csv: ${value} is not a number to publish`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  return quote(formulaSafe(value));
}

/**
 * Text typed by users (a structure's name, a café's title) that starts like a formula would run in a
 * spreadsheet (CSV injection, OWASP): an apostrophe in front keeps it text. Numbers are never touched.
 */
export const formulaSafe = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const quote = (text: string): string => (/[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
