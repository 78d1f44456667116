import { ImportFileError } from '../errors';
import { megabytes } from '../limits';

/** A file as the caller has it: in memory, or a stream (an upload, a file on disk) */
export type ImportInput = Uint8Array | AsyncIterable<Uint8Array | string>;

const SLICE = 64 * 1024;

const tooLarge = (maxBytes: number) =>
  new ImportFileError('file_too_large', `Le fichier dépasse ${megabytes(maxBytes)}. Découpez-le en plusieurs fichiers plus petits.`, { limit: maxBytes });

/**
 * The file's bytes, in chunks, refused with a 413 as soon as they pass `maxBytes` (a stream is not
 * read further: leaving the loop destroys it).
 */
export async function* limitedBytes(input: ImportInput, maxBytes: number): AsyncGenerator<Buffer> {
  if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) throw tooLarge(maxBytes);
    const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    for (let offset = 0; offset < buffer.length; offset += SLICE) yield buffer.subarray(offset, offset + SLICE);
    return;
  }
  let total = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buffer.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    if (buffer.length > 0) yield buffer;
  }
}

/** The first `atLeast` bytes (fewer if the file is shorter), and every byte again, head included */
export async function peekBytes(source: AsyncIterable<Buffer>, atLeast: number): Promise<{ head: Buffer; bytes: AsyncGenerator<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < atLeast) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      yield* taken;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { head: Buffer.concat(taken), bytes: bytes() };
}

/** The whole file in memory (XLSX: a zip is read from its end), within the byte limit already applied */
export async function collectBytes(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}
