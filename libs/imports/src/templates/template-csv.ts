import type { TemplateKind } from '../kinds/import-kind';
import { TEMPLATE_EXAMPLES, templateColumns } from './template-rows';

const quote = (cell: string, delimiter: string) => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * The CSV template of a kind: French headers and two example rows. By default what French Excel
 * opens as it is: a UTF-8 BOM (else Excel reads it as Windows-1252), `;` and CRLF.
 */
export function templateCsv(kind: TemplateKind, options: { delimiter?: ';' | ','; bom?: boolean } = {}): string {
  const { delimiter = ';', bom = true } = options;
  const columns = templateColumns(kind);
  const lines = [columns.map((c) => c.header), ...TEMPLATE_EXAMPLES[kind].map((row) => columns.map((c) => row[c.name] ?? ''))];
  return (bom ? '\uFEFF' : '') + lines.map((cells) => cells.map((cell) => quote(cell, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

/** `modele-cafes.csv`: the file name to serve a template under */
export const templateFileName = (kind: TemplateKind, extension: 'csv' | 'xlsx'): string => `modele-${kind}.${extension}`;
