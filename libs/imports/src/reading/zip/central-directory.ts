import { ImportFileError } from '../../errors';

/** One file of a zip, as its central directory lists it, with where its data starts */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** offset of the compressed bytes, after the local header */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const unreadable = (why: string) =>
  new ImportFileError('unreadable_xlsx', `Ce classeur XLSX est illisible (${why}). Ouvrez-le dans votre tableur et enregistrez-le à nouveau en .xlsx.`);

/**
 * Reads a zip's central directory (what Excel itself trusts), and each entry's local header to
 * find its data. A tiny reader on purpose: it lets the import check every declared size before
 * anything is inflated, instead of discovering them while a streaming unzip inflates.
 */
export function readCentralDirectory(zip: Buffer, maxEntries: number): ZipEntry[] {
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw unreadable('archive zip tronquée');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (zip.readUInt16LE(eocd + 4) !== 0 || zip.readUInt16LE(eocd + 6) !== 0) throw unreadable('archive en plusieurs morceaux');
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw unreadable('format zip64 non pris en charge');
  if (count > maxEntries) throw unreadable(`${count} éléments dans l’archive, ${maxEntries} au plus`);
  if (offset + size > eocd) throw unreadable('répertoire de l’archive incohérent');

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL) throw unreadable('répertoire de l’archive incohérent');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc32 = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const uncompressedSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) throw unreadable('format zip64 non pris en charge');
    if (flags & 0x1) throw unreadable('classeur chiffré ou protégé par mot de passe');
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL) throw unreadable('élément introuvable dans l’archive');
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) throw unreadable('élément tronqué');
    entries.push({ name, flags, method, crc32, compressedSize, uncompressedSize, dataStart });
  }
  return entries;
}
