/** What one import may cost; the caller gives the byte limit of its endpoint, the rest has defaults. */
export interface ImportLimits {
  /** size of the file as sent (the API's 20 MB) */
  maxBytes: number;
  /** data rows after the header, blank rows not counted */
  maxRows: number;
  /** XLSX: bytes inflated from the parts that are read (workbook, styles, strings, first sheet) */
  maxUncompressedBytes: number;
  /** XLSX: the shared strings are held in memory by the reader, so they get a lower cap */
  maxSharedStringsBytes: number;
  /** XLSX: entries listed in the zip's central directory */
  maxZipEntries: number;
  /** CSV: characters in one record (a runaway quote must not swallow the whole file) */
  maxRecordChars: number;
  /** rows looked at to find the header (La Coop's export puts 15 to 25 rows of metadata first) */
  headerSearchRows: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxRecordChars: 100_000,
  headerSearchRows: 40,
};

export const withDefaults = (limits: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_LIMITS, ...limits });

/** "20 Mo", "256 Mo": sizes as a French reader writes them */
export const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mo`.replace('.', ',');
