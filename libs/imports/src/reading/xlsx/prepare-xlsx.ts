import { Readable } from 'node:stream';
import { ImportFileError } from '../../errors';
import type { ImportLimits } from '../../limits';
import { readCentralDirectory, type ZipEntry } from '../zip/central-directory';
import { inflateChecked, inflatedTooLarge } from '../zip/inflate-checked';
import { SheetScanner } from './sheet-scanner';
import { tooManyRows } from './too-many-rows';
import { directoryOf, parseRelationships, parseSheetListing, relationshipsPathOf } from './workbook-parts';

/** A workbook checked part by part, ready for exceljs's streaming reader */
export interface PreparedXlsx {
  /** the name of the sheet that is read: the first visible worksheet in tab order */
  readonly sheetName: string;
  /** merged ranges of that sheet (`A2:A5`), as the file lists them */
  readonly merges: readonly string[];
  /** rows of that sheet that hold cells, header and blank-looking rows included */
  readonly rowElements: number;
  /**
   * A zip holding only the parts the reader needs, under the names it expects, in the order that
   * lets it stream (strings and styles before the sheet, so it writes no temporary file), each
   * with its verified sizes in its local header: what exceljs inflates is exactly what was checked.
   */
  stream(): Readable;
}

const SMALL_PART = 10 * 1024 * 1024;

const notAWorkbook = (what: string) =>
  new ImportFileError('unsupported_format', `Ce fichier est ${what}, pas un classeur Excel (.xlsx). Enregistrez le tableau en .xlsx ou en .csv puis envoyez-le à nouveau.`);

const unreadable = (why: string) =>
  new ImportFileError('unreadable_xlsx', `Ce classeur XLSX est illisible (${why}). Ouvrez-le dans votre tableur et enregistrez-le à nouveau en .xlsx.`);

async function inflateText(zip: Buffer, entry: ZipEntry, cap: number): Promise<string> {
  const chunks: Buffer[] = [];
  await inflateChecked(zip, entry, cap, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function localHeader(name: string, entry: Pick<ZipEntry, 'method' | 'crc32' | 'compressedSize' | 'uncompressedSize'>): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // UTF-8 name; sizes known here, no data descriptor
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(0x21, 12); // 1980-01-01
  header.writeUInt32LE(entry.crc32 >>> 0, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.uncompressedSize, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, nameBytes]);
}

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

export async function prepareXlsx(zip: Buffer, limits: ImportLimits): Promise<PreparedXlsx> {
  const entries = readCentralDirectory(zip, limits.maxZipEntries);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const byLowerName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const entry = (path: string) => byName.get(path) ?? byLowerName.get(path.toLowerCase());

  // the main part, as the package's own relationships name it
  let workbookPath = 'xl/workbook.xml';
  const packageRels = entry('_rels/.rels');
  if (packageRels) {
    const office = parseRelationships(await inflateText(zip, packageRels, SMALL_PART), '').find((r) => r.type.endsWith('/officeDocument'));
    if (office) workbookPath = office.target;
  }
  const workbook = entry(workbookPath);
  if (!workbook) {
    const mimetype = entry('mimetype');
    if (mimetype && (await inflateText(zip, mimetype, 1024)).includes('opendocument')) throw notAWorkbook('un document OpenDocument (LibreOffice, .ods)');
    if (entry('word/document.xml')) throw notAWorkbook('un document Word');
    if (entry('ppt/presentation.xml')) throw notAWorkbook('une présentation PowerPoint');
    throw notAWorkbook('une archive zip');
  }
  const workbookRels = entry(relationshipsPathOf(workbook.name));
  if (!workbookRels) throw unreadable('relations du classeur absentes');

  const relationships = parseRelationships(await inflateText(zip, workbookRels, SMALL_PART), directoryOf(workbook.name));
  const workbookXml = await inflateText(zip, workbook, SMALL_PART);
  const worksheets = parseSheetListing(workbookXml)
    .map((sheet) => ({ sheet, relationship: relationships.find((r) => r.id === sheet.relationshipId && r.type.endsWith('/worksheet')) }))
    .filter((s) => s.relationship !== undefined && entry(s.relationship.target) !== undefined);
  const chosen = worksheets.find((s) => !s.sheet.hidden) ?? worksheets[0];
  if (!chosen?.relationship) throw unreadable('aucune feuille de calcul');
  const sheet = entry(chosen.relationship.target) as ZipEntry;
  const strings = relationships.find((r) => r.type.endsWith('/sharedStrings'));
  const sharedStrings = strings ? entry(strings.target) : undefined;
  const styleRel = relationships.find((r) => r.type.endsWith('/styles'));
  const styles = styleRel ? entry(styleRel.target) : undefined;

  // declared sizes first: a part announced too big is refused before a byte of it is inflated
  const parts = [workbookRels, workbook, styles, sharedStrings, sheet].filter((e): e is ZipEntry => e !== undefined);
  const declared = parts.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) throw inflatedTooLarge(limits.maxUncompressedBytes);
  if (sharedStrings && sharedStrings.uncompressedSize > limits.maxSharedStringsBytes) throw inflatedTooLarge(limits.maxSharedStringsBytes);

  // then the actual sizes: every part read is inflated once here, capped, and must match its declaration
  if (styles) await inflateChecked(zip, styles, SMALL_PART, () => undefined);
  if (sharedStrings) await inflateChecked(zip, sharedStrings, limits.maxSharedStringsBytes, () => undefined);
  const rowCap = limits.maxRows + limits.headerSearchRows;
  const scanner = new SheetScanner((rows) => {
    if (rows > rowCap) throw tooManyRows(limits.maxRows);
  });
  await inflateChecked(zip, sheet, limits.maxUncompressedBytes, (chunk) => scanner.feed(chunk));
  scanner.end();

  const plan: { name: string; entry: ZipEntry }[] = [
    { name: 'xl/_rels/workbook.xml.rels', entry: workbookRels },
    { name: 'xl/workbook.xml', entry: workbook },
    ...(styles ? [{ name: 'xl/styles.xml', entry: styles }] : []),
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', entry: sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', entry: sheet },
  ];

  return {
    sheetName: chosen.sheet.name,
    merges: scanner.merges,
    rowElements: scanner.rows,
    stream: () =>
      Readable.from(
        (function* () {
          for (const { name, entry: part } of plan) {
            if (name === 'xl/worksheets/sheet1.xml' && !sharedStrings) {
              // without a strings part the reader would park the sheet in a temporary file
              yield localHeader('xl/sharedStrings.xml', { method: 0, crc32: 0, compressedSize: EMPTY_SHARED_STRINGS.length, uncompressedSize: EMPTY_SHARED_STRINGS.length });
              yield EMPTY_SHARED_STRINGS;
            }
            yield localHeader(name, part);
            const data = zip.subarray(part.dataStart, part.dataStart + part.compressedSize);
            for (let at = 0; at < data.length; at += 64 * 1024) yield data.subarray(at, at + 64 * 1024);
          }
        })(),
        { objectMode: false },
      ),
  };
}
