/** One row of a sheet as read: its line (the row number a spreadsheet shows) and its cells as text */
export interface SheetRecord {
  line: number;
  cells: string[];
  /** per-cell problems the reader saw (a formula without a result, an error value), by 0-based index */
  issues?: { index: number; message: string }[];
}
