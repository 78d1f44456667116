import { deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for hostile fixtures: it writes whatever sizes it is told to declare,
 * so the specs can build the lies a zip bomb tells.
 */
export interface FixtureEntry {
  name: string;
  /** the bytes to store, deflated unless `stored` */
  data?: Buffer;
  /** already-deflated bytes (for bombs built as a stream) */
  deflated?: Buffer;
  stored?: boolean;
  /** the uncompressed size to declare (defaults to the truth) */
  declaredSize?: number;
  /** the actual uncompressed size when `deflated` is given */
  size?: number;
}

export function zipOf(entries: FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflated ?? (entry.stored ? (entry.data ?? Buffer.alloc(0)) : deflateRawSync(entry.data ?? Buffer.alloc(0)));
    const method = entry.stored ? 0 : 8;
    const size = entry.declaredSize ?? entry.size ?? entry.data?.length ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuille 1" sheetId="1" r:id="rId1"/></sheets></workbook>',
);
const WORKBOOK_RELS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
);

/** The smallest workbook exceljs reads, around a given first sheet (inline strings, no shared strings) */
export const workbookAround = (sheet: FixtureEntry): Buffer =>
  zipOf([{ name: 'xl/workbook.xml', data: WORKBOOK }, { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS }, { ...sheet, name: 'xl/worksheets/sheet1.xml' }]);

const inline = (text: string, ref: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Sheet XML: rows of inline strings */
export const sheetXml = (rows: string[][]): string =>
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  rows.map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => inline(c, `${String.fromCharCode(65 + i)}${r + 1}`)).join('')}</row>`).join('') +
  '</sheetData></worksheet>';
