import { chunkRows } from './batching';

const sizes = (chunks: unknown[][]) => chunks.map((c) => c.length);
const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('chunkRows', () => {
  it('cuts full chunks, then the rest in powers of two, keeping every row once and in order', () => {
    const chunks = chunkRows(rows(1_000), 4, 32_000, 256);
    expect(sizes(chunks)).toEqual([256, 256, 256, 128, 64, 32, 8]);
    expect(chunks.flat()).toEqual(rows(1_000));
  });

  it('keeps rows × columns under the parameter limit', () => {
    const chunks = chunkRows(rows(50), 10, 100, 256);
    expect(Math.max(...sizes(chunks))).toBe(10);
    expect(chunks.flat()).toEqual(rows(50));
  });

  it('gives a table a handful of distinct sizes over any batch, so their statements are prepared once', () => {
    const distinct = new Set<number>();
    for (let n = 0; n <= 3_000; n += 1) for (const size of sizes(chunkRows(rows(n), 3, 32_000, 256))) distinct.add(size);
    expect([...distinct].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
  });

  it('gives nothing for no rows', () => {
    expect(chunkRows([], 3, 32_000)).toEqual([]);
  });
});
