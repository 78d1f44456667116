import { toCsv, type CsvOptions } from '../csv/open-data-csv';
import type { PublishedFigures } from './territory-figures';

/** The columns of `figures.csv`, named as in the JSON of `/public/v1/figures`. */
export const FIGURES_CSV_COLUMNS = [
  'code',
  'name',
  'level',
  'peopleReached',
  'attendances',
  'anonymousAttendees',
  'cafesHeld',
  'structuresActive',
  'suppressed',
] as const;

/** The columns of `figures-mensuelles.csv`: the same with the month after the level. */
export const MONTHLY_FIGURES_CSV_COLUMNS = [...FIGURES_CSV_COLUMNS.slice(0, 3), 'month', ...FIGURES_CSV_COLUMNS.slice(3)] as const;

/** Between the names of the hidden counts in the `suppressed` column. */
export const SUPPRESSED_SEPARATOR = '|';

/**
 * Published figures as open-data CSV: a hidden count is an empty cell (the data package's
 * `missingValues`), named in `suppressed`. Monthly rows (with `month`) get the monthly columns; a
 * file mixes no all-time row with monthly ones.
 */
export function figuresCsv(rows: readonly PublishedFigures[], options: CsvOptions = {}): string {
  const monthly = rows.some((row) => row.month !== undefined);
  if (monthly && rows.some((row) => row.month === undefined)) {
    throw new Error('figures: a CSV holds either all-time rows or monthly rows, not both');
  }
  const columns = monthly ? MONTHLY_FIGURES_CSV_COLUMNS : FIGURES_CSV_COLUMNS;
  return toCsv(
    columns,
    rows.map((row) =>
      columns.map((column) => (column === 'suppressed' ? row.suppressed.join(SUPPRESSED_SEPARATOR) : row[column])),
    ),
    options,
  );
}
