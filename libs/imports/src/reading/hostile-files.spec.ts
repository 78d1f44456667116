import { Readable } from 'node:stream';
import { createDeflateRaw } from 'node:zlib';
import { isImportFileError, type ImportFileError } from '../errors';
import { all, csv, xlsx } from '../testing/fixtures';
import { sheetXml, workbookAround, zipOf } from '../testing/zip-writer';
import { openTable } from './open-table';
import type { ImportInput } from './byte-source';
import type { ImportKind } from '../kinds/import-kind';
import type { ImportLimits } from '../limits';

async function refusal(kind: ImportKind, input: ImportInput, limits: Partial<ImportLimits> = {}): Promise<ImportFileError> {
  try {
    const table = await openTable(kind, input, limits);
    await all(table.rows);
  } catch (error) {
    if (isImportFileError(error)) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const ATTENDANCE_HEADER = ['référence', 'référence du café', 'e-mail', 'téléphone', 'nom', 'participants anonymes'];

describe('files that are refused as a whole', () => {
  it('an empty file: 400', async () => {
    expect(await refusal('structures', Buffer.alloc(0))).toMatchObject({ code: 'empty_file', status: 422 });
    expect(await refusal('structures', Buffer.from('\uFEFF\r\n;;;\r\n\r\n'))).toMatchObject({ code: 'empty_file', status: 422 });
  });

  it('headers and no row under them: 400', async () => {
    expect(await refusal('structures', Buffer.from(csv([['ref', 'name', 'kind', 'commune_code']])))).toMatchObject({ code: 'no_data_rows', status: 400 });
  });

  it('a binary, a PDF, an old .xls, an .ods: 415 saying what they are', async () => {
    const binary = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    expect(await refusal('structures', binary)).toMatchObject({ code: 'binary_file', status: 415 });
    const pdf = await refusal('structures', Buffer.from('%PDF-1.7\n...'));
    expect(pdf).toMatchObject({ code: 'unsupported_format', status: 415 });
    expect(pdf.message).toContain('un PDF');
    const xls = await refusal('structures', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(xls.message).toContain('.xls');
    const ods = await refusal('structures', zipOf([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), stored: true }, { name: 'content.xml', data: Buffer.from('<x/>') }]));
    expect(ods).toMatchObject({ code: 'unsupported_format', status: 415 });
    expect(ods.message).toContain('.ods');
  });

  it('a CSV with binary data after a good start: 415', async () => {
    const text = Buffer.concat([Buffer.from(csv([['ref', 'name', 'kind', 'commune_code'], ['S-1', 'A', 'autre', '69123']])), Buffer.alloc(100_000, 'x'), Buffer.from([0, 1, 2, 3])]);
    expect(await refusal('structures', text)).toMatchObject({ code: 'binary_file', status: 415 });
  });

  it('a zip that is not a workbook, or a truncated one: 415', async () => {
    expect(await refusal('structures', zipOf([{ name: 'photo.jpg', data: Buffer.from('not really') }]))).toMatchObject({ code: 'unsupported_format', status: 415 });
    const good = await xlsx([['ref', 'name', 'kind', 'commune_code'], ['S-1', 'A', 'autre', '69123']]);
    expect(await refusal('structures', good.subarray(0, good.length - 100))).toMatchObject({ code: 'unreadable_xlsx', status: 415 });
  });

  it('a file of another kind: 422 naming the kind it looks like', async () => {
    const cafes = csv([['ref', 'structure_ref', 'title', 'format', 'starts_at'], ['C-1', 'S-1', 'L’IA', 'discussion', '28/05/2025 18:30']]);
    const error = await refusal('attendance', Buffer.from(cafes));
    expect(error).toMatchObject({ code: 'wrong_kind', status: 422, details: { looksLike: 'cafes' } });
    expect(error.message).toContain('cafés');
  });

  it('missing columns: 422 naming them in French and English', async () => {
    const error = await refusal('cafes', Buffer.from(csv([['référence', 'titre', 'début'], ['C-1', 'L’IA', '28/05/2025 18:30']])));
    expect(error).toMatchObject({ code: 'missing_columns', status: 422, details: { columns: ['structure_ref', 'structure_id', 'format'] } });
    expect(error.message).toContain('« référence de la structure » ou « identifiant de la structure » (structure_ref ou structure_id)');
    expect(error.message).toContain('« format » (format)');
  });

  it('the same column twice: 422', async () => {
    const error = await refusal('structures', Buffer.from(csv([['ref', 'nom', 'name', 'kind', 'commune_code'], ['S-1', 'A', 'B', 'autre', '69123']])));
    expect(error).toMatchObject({ code: 'duplicate_columns', status: 422, details: { columns: ['name'] } });
  });

  it('an unclosed quote: 400 naming the line', async () => {
    const text = 'ref;name;kind;commune_code\r\nS-1;"Médiathèque;autre;69123\r\nS-2;B;autre;69123\r\n';
    expect(await refusal('structures', Buffer.from(text))).toMatchObject({ code: 'malformed_csv', status: 400, details: { line: 2 } });
  });

  it('a file over the byte limit, as a buffer or a stream: 413, the stream not read to its end', async () => {
    expect(await refusal('structures', Buffer.alloc(2048, 'a'), { maxBytes: 1024 })).toMatchObject({ code: 'file_too_large', status: 413, details: { limit: 1024 } });
    let produced = 0;
    const endless = Readable.from(
      (function* () {
        yield Buffer.from('ref;name;kind;commune_code\r\n');
        for (;;) {
          produced++;
          yield Buffer.from('S-1;Médiathèque;autre;69123\r\n'.repeat(1000));
        }
      })(),
    );
    expect(await refusal('structures', endless, { maxBytes: 2 * 1024 * 1024, maxRows: 10_000_000 })).toMatchObject({ code: 'file_too_large', status: 413 });
    expect(produced).toBeLessThan(80);
  });

  it('1,000,000 CSV rows: 413 at the row past the limit, without reading the rest', async () => {
    let produced = 0;
    const million = Readable.from(
      (function* () {
        yield Buffer.from(ATTENDANCE_HEADER.join(';') + '\r\n');
        for (let block = 0; block < 1000; block++) {
          produced++;
          yield Buffer.from(Array.from({ length: 1000 }, (_, i) => `A-${block}-${i};C-1;p${i}@example.org;;;\r\n`).join(''));
        }
      })(),
    );
    const error = await refusal('attendance', million, { maxBytes: 1024 * 1024 * 1024 });
    expect(error).toMatchObject({ code: 'too_many_rows', status: 413, details: { limit: 100_000, line: 100_002 } });
    expect(produced).toBeLessThan(200);
  });

  it('1,000,000 XLSX rows: 413 before a single row is read', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>A-${i}</t></is></c></row>`);
    const xml = sheetXml([ATTENDANCE_HEADER]).replace('</sheetData>', rows.join('') + '</sheetData>');
    const error = await refusal('attendance', workbookAround({ name: 'sheet', data: Buffer.from(xml) }), { maxBytes: 1024 * 1024 * 1024 });
    expect(error).toMatchObject({ code: 'too_many_rows', status: 413 });
  });

  it('a zip bomb that lies about its size: 413 after inflating no more than it declared', async () => {
    // 320 MiB of spaces inside the sheet (more than the 256 MiB cap), declared as 2 kB
    const deflater = createDeflateRaw({ level: 9 });
    const compressed: Buffer[] = [];
    deflater.on('data', (chunk: Buffer) => compressed.push(chunk));
    const block = Buffer.alloc(16 * 1024 * 1024, ' ');
    const start = Buffer.from(sheetXml([['ref', 'name', 'kind', 'commune_code']]).replace('</sheetData>', ''));
    deflater.write(start);
    for (let i = 0; i < 20; i++) deflater.write(block);
    await new Promise<void>((resolve) => deflater.end(resolve));
    const bomb = workbookAround({ name: 'sheet', deflated: Buffer.concat(compressed), declaredSize: 2048 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const error = await refusal('structures', bomb);
    expect(error).toMatchObject({ code: 'uncompressed_too_large', status: 413 });
    expect(error.message).toContain('bombe zip');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a zip bomb that declares its size honestly: 413 before anything is inflated', async () => {
    const bomb = workbookAround({ name: 'sheet', deflated: Buffer.from([0x03, 0x00]), declaredSize: 4_000_000_000 });
    const error = await refusal('structures', bomb);
    expect(error).toMatchObject({ code: 'uncompressed_too_large', status: 413, details: { limit: 256 * 1024 * 1024 } });
  });

  it('a sheet that inflates to less than declared is damaged: 415', async () => {
    const sheet = Buffer.from(sheetXml([['ref', 'name', 'kind', 'commune_code'], ['S-1', 'A', 'autre', '69123']]));
    expect(await refusal('structures', workbookAround({ name: 'sheet', data: sheet, declaredSize: sheet.length + 10 }))).toMatchObject({ code: 'unreadable_xlsx', status: 415 });
  });

  it('a hand-built workbook without shared strings is still read (the minimal fixture itself)', async () => {
    const sheet = Buffer.from(sheetXml([['ref', 'name', 'kind', 'commune_code'], ['S-1', 'Médiathèque', 'médiathèque', '69123']]));
    const table = await openTable('structures', workbookAround({ name: 'sheet', data: sheet }));
    expect((await all(table.rows))[0].cells).toEqual({ ref: 'S-1', name: 'Médiathèque', kind: 'médiathèque', commune_code: '69123' });
  });
});
