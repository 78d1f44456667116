/** How a spreadsheet reaches `POST /v1/imports`: the file itself is the body, of one of these media types. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MEDIA_TYPE = 'text/csv';

/** API.md: "up to 20 MB" (the readers hold an XLSX whole, so this bounds an upload's memory) */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const IMPORT_UPLOAD = {
  method: 'POST',
  path: '/v1/imports',
  types: [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE],
  bodyLimit: IMPORT_MAX_BYTES,
} as const;
