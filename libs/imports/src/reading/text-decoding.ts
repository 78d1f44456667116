import * as iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';
import { ImportFileError } from '../errors';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

const binaryInside = () =>
  new ImportFileError('binary_file', 'Ce fichier contient des données binaires : ce n’est pas un CSV. Enregistrez le tableau en .xlsx ou en .csv puis envoyez-le à nouveau.');

const mixedEncodings = () =>
  new ImportFileError(
    'unreadable_encoding',
    'Le fichier mélange deux encodages de caractères (UTF-8 et un autre) : enregistrez-le à nouveau en « CSV UTF-8 » depuis votre tableur.',
  );

/**
 * Decodes a CSV's bytes as they stream. A BOM says UTF-8 or UTF-16. Without one, the text is read
 * as ASCII until the first byte above 0x7F: if what follows is valid UTF-8 the file is UTF-8,
 * otherwise it is Windows-1252 (what French Excel writes for "CSV (séparateur : point-virgule)").
 * ASCII is the same in both, so nothing read before the decision is read again.
 */
export class TextDecoding {
  private mode: TextEncoding | 'undecided' = 'undecided';

  /** the encoding used (UTF-8 for a file that is pure ASCII) */
  get encoding(): TextEncoding {
    return this.mode === 'undecided' ? 'utf-8' : this.mode;
  }

  async *decode(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
    let utf8: TextDecoder | null = null;
    let utf16: iconv.DecoderStream | null = null;
    let first = true;
    for await (let chunk of bytes) {
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          this.mode = 'utf-8';
          chunk = chunk.subarray(3);
        } else if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
          this.mode = chunk[0] === 0xff ? 'utf-16le' : 'utf-16be';
          utf16 = iconv.getDecoder(this.mode);
          chunk = chunk.subarray(2);
        }
      }
      if (utf16) {
        const text = utf16.write(chunk);
        if (text.includes('\u0000')) throw binaryInside();
        yield text;
        continue;
      }
      if (chunk.includes(0)) throw binaryInside();
      if (this.mode === 'undecided') {
        const firstHigh = chunk.findIndex((byte) => byte > 0x7f);
        if (firstHigh === -1) {
          yield chunk.toString('latin1');
          continue;
        }
        if (firstHigh > 0) yield chunk.subarray(0, firstHigh).toString('latin1');
        chunk = chunk.subarray(firstHigh);
        const probe = new TextDecoder('utf-8', { fatal: true });
        try {
          const text = probe.decode(chunk, { stream: true });
          this.mode = 'utf-8';
          utf8 = probe;
          yield text;
        } catch {
          this.mode = 'windows-1252';
          yield iconv.decode(chunk, 'win1252');
        }
        continue;
      }
      if (this.mode === 'windows-1252') {
        yield iconv.decode(chunk, 'win1252');
        continue;
      }
      utf8 ??= new TextDecoder('utf-8', { fatal: true });
      try {
        yield utf8.decode(chunk, { stream: true });
      } catch {
        throw mixedEncodings();
      }
    }
    if (utf16) {
      const rest = utf16.end();
      if (rest) yield rest;
    } else if (utf8) {
      try {
        const rest = utf8.decode();
        if (rest) yield rest;
      } catch {
        throw mixedEncodings();
      }
    }
  }
}
