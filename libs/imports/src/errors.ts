/**
 * File-level refusals: the whole file is refused and nothing of it may be written. Each carries the
 * HTTP status the API should answer with and a French message a coordinator can act on; `details`
 * holds the machine-readable facts behind the message (which columns, which cells, which kind).
 */
export const FILE_PROBLEMS = {
  // a file with nothing in it is well-formed (no syntax to break) but holds nothing to import: unprocessable
  empty_file: 422,
  no_data_rows: 400,
  malformed_csv: 400,
  structure_required: 400,
  file_too_large: 413,
  too_many_rows: 413,
  uncompressed_too_large: 413,
  unsupported_format: 415,
  binary_file: 415,
  unreadable_encoding: 415,
  unreadable_xlsx: 415,
  wrong_kind: 422,
  missing_columns: 422,
  duplicate_columns: 422,
  merged_cells: 422,
} as const;

export type FileProblem = keyof typeof FILE_PROBLEMS;
export type FileProblemStatus = (typeof FILE_PROBLEMS)[FileProblem];

export interface FileProblemDetails {
  /** the kind the file looks like, for `wrong_kind` */
  looksLike?: string;
  /** English column names, for `missing_columns` and `duplicate_columns` */
  columns?: string[];
  /** cell ranges such as `A2:A5`, for `merged_cells` */
  cells?: string[];
  /** the line (spreadsheet row) the problem was found at */
  line?: number;
  /** the limit that was exceeded, for 413s */
  limit?: number;
}

export class ImportFileError extends Error {
  readonly status: FileProblemStatus;

  constructor(
    readonly code: FileProblem,
    /** in French, for the person who sent the file */
    message: string,
    readonly details: FileProblemDetails = {},
  ) {
    super(message);
    this.name = 'ImportFileError';
    this.status = FILE_PROBLEMS[code];
  }
}

export const isImportFileError = (error: unknown): error is ImportFileError => error instanceof ImportFileError;

/** One refused cell of one row; `field` is the English column name, `message` is French. */
export interface RowError {
  line: number;
  field: string;
  message: string;
}
