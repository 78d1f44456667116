import { createInflateRaw } from 'node:zlib';
import { ImportFileError } from '../../errors';
import { megabytes } from '../../limits';
import type { ZipEntry } from './central-directory';

const CHUNK = 64 * 1024;

export const inflatedTooLarge = (limit: number) =>
  new ImportFileError(
    'uncompressed_too_large',
    `Une fois décompressé, ce classeur dépasse ${megabytes(limit)} : il est trop gros pour un import, ou piégé (bombe zip). Découpez-le ou enregistrez-le en CSV.`,
    { limit },
  );

const lyingSize = () =>
  new ImportFileError(
    'uncompressed_too_large',
    'Ce classeur se décompresse en plus que ce qu’il annonce : il est corrompu ou piégé (bombe zip). Il n’a pas été lu.',
  );

const corrupt = () =>
  new ImportFileError('unreadable_xlsx', 'Ce classeur XLSX est endommagé (un élément ne se décompresse pas). Ouvrez-le dans votre tableur et enregistrez-le à nouveau.');

// a destroyed inflater never drains: waiting for 'drain' alone could hang forever
const drainedOrClosed = (stream: NodeJS.WritableStream & NodeJS.EventEmitter) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });

/**
 * Inflates one entry as a stream, a chunk at a time, and stops as soon as it gives more than it
 * declared or more than `cap`: memory stays at a chunk, and a bomb costs at most `cap` bytes of work.
 * Answers the number of bytes inflated, which must equal the declared size.
 */
export async function inflateChecked(zip: Buffer, entry: ZipEntry, cap: number, onChunk: (chunk: Buffer) => void): Promise<number> {
  if (entry.uncompressedSize > cap) throw inflatedTooLarge(cap);
  const data = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw corrupt();
    for (let at = 0; at < data.length; at += CHUNK) onChunk(data.subarray(at, at + CHUNK));
    return data.length;
  }
  if (entry.method !== 8) throw new ImportFileError('unreadable_xlsx', 'Ce classeur utilise une compression que l’import ne lit pas. Enregistrez-le à nouveau en .xlsx depuis votre tableur.');
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  let total = 0;
  const feeding = (async () => {
    for (let at = 0; at < data.length; at += CHUNK) {
      if (inflater.destroyed) return;
      if (!inflater.write(data.subarray(at, at + CHUNK))) await drainedOrClosed(inflater);
    }
    inflater.end();
  })();
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw lyingSize();
      onChunk(chunk);
    }
  } catch (error) {
    inflater.destroy();
    if (error instanceof ImportFileError) throw error;
    throw corrupt();
  } finally {
    await feeding.catch(() => undefined);
  }
  if (total !== entry.uncompressedSize) throw corrupt();
  return total;
}
