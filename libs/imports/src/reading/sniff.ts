import { ImportFileError } from '../errors';

export type SniffedFormat = 'zip' | 'text';

const startsWith = (head: Buffer, ...bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ascii = (head: Buffer, text: string) => head.subarray(0, text.length).toString('latin1') === text;

const ASK = 'Enregistrez le tableau en .xlsx ou en .csv (UTF-8, séparateur ; ou ,) puis envoyez-le à nouveau.';

/** Known non-spreadsheet formats, by their first bytes, so the message can say what was sent */
const SIGNATURES: { test: (head: Buffer) => boolean; what: string }[] = [
  { test: (h) => startsWith(h, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), what: 'un ancien classeur Excel (.xls) ou document Office' },
  { test: (h) => ascii(h, '%PDF'), what: 'un PDF' },
  { test: (h) => startsWith(h, 0x1f, 0x8b), what: 'une archive gzip' },
  { test: (h) => ascii(h, '7z\xbc\xaf\x27\x1c'), what: 'une archive 7z' },
  { test: (h) => ascii(h, 'Rar!'), what: 'une archive RAR' },
  { test: (h) => startsWith(h, 0x89, 0x50, 0x4e, 0x47), what: 'une image PNG' },
  { test: (h) => startsWith(h, 0xff, 0xd8, 0xff), what: 'une image JPEG' },
  { test: (h) => ascii(h, 'GIF8'), what: 'une image GIF' },
  { test: (h) => ascii(h, '{\\rtf'), what: 'un document RTF' },
  { test: (h) => startsWith(h, 0x7f, 0x45, 0x4c, 0x46), what: 'un programme' },
  { test: (h) => ascii(h, 'MZ'), what: 'un programme' },
];

const isUtf16Bom = (head: Buffer) => startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff);

/**
 * What the first bytes say the file is, whatever its name or declared type: a zip (an XLSX,
 * checked further), text (a CSV), or something refused with a 415.
 */
export function sniffFormat(head: Buffer): SniffedFormat {
  if (head.length === 0) throw new ImportFileError('empty_file', 'Le fichier est vide.');
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (startsWith(head, 0x50, 0x4b, 0x05, 0x06)) throw new ImportFileError('unreadable_xlsx', `Le fichier est une archive zip vide, pas un classeur. ${ASK}`);
  const known = SIGNATURES.find((s) => s.test(head));
  if (known) throw new ImportFileError('unsupported_format', `Ce fichier est ${known.what}, pas un tableau. ${ASK}`);
  if (!isUtf16Bom(head) && looksBinary(head)) throw new ImportFileError('binary_file', `Ce fichier n’est ni un CSV ni un classeur XLSX (il contient des données binaires). ${ASK}`);
  return 'text';
}

/** A NUL byte, or more than 1 % of control characters other than tab, line breaks and form feed */
export function looksBinary(bytes: Buffer): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls > bytes.length / 100;
}
