/**
 * Maps with at most `limit` calls in flight, keeping the order of the results: a request naming a thousand
 * people loads and registers them side by side rather than one after the other, without opening a thousand
 * reads at once. The first failure rejects (the others already started finish on their own).
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
