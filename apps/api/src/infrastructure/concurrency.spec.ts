import { mapWithConcurrency } from './concurrency';

describe('mapping with bounded concurrency', () => {
  it('keeps the order of the results and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([...Array(50).keys()], 8, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
      running--;
      return n * 2;
    });
    expect(results).toEqual([...Array(50).keys()].map((n) => n * 2));
    expect(peak).toBe(8);
  });

  it('rejects with the first failure', async () => {
    await expect(mapWithConcurrency([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('two')) : n))).rejects.toThrow('two');
  });
});
