/**
 * A cell as exceljs's streaming reader gives it, turned into the text a person would have typed.
 * Formulas give their cached result (the value the spreadsheet shows); a formula saved without a
 * result, or an error value (#N/A, #REF!), is reported on its cell rather than guessed.
 */
export type CellText = { text: string } | { issue: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** exceljs puts a date cell's wall clock in the Date's UTC fields */
export function dateCellText(date: Date): string {
  const millis = Math.round(date.getTime() / 1000) * 1000;
  const d = new Date(millis);
  const day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
}

/** exceljs's own test for a date number format (text in quotes and brackets ignored) */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Serial day number (1900 system) → the Date exceljs would have given for a date cell */
const serialToDate = (serial: number, date1904: boolean): Date => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

const numberText = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15))));

export function cellText(value: unknown, options: { numFmt?: string; date1904?: boolean } = {}): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { issue: 'date illisible' } : { text: dateCellText(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return { text: (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
    if ('error' in v) return { issue: `la cellule affiche une erreur (${String(v.error)})` };
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { issue: 'la formule n’a pas de résultat enregistré : ouvrez le fichier dans votre tableur, enregistrez-le, puis importez-le à nouveau' };
      if (typeof v.result === 'number' && isDateFormat(options.numFmt)) return { text: dateCellText(serialToDate(v.result, options.date1904 ?? false)) };
      return cellText(v.result, options);
    }
    if ('text' in v) return cellText(v.text, options);
  }
  return { text: String(value) };
}

/** A, B, …, Z, AA: the letters of a 1-based column */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
