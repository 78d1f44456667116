import { ReadCache } from './read-cache';

describe('the read cache', () => {
  it('never serves an answer older than its time to live, and drops it', () => {
    let now = 0;
    const cache = new ReadCache<string>(500, 1_000, () => now);
    cache.set('a', 'A', 10);
    now = 499;
    expect(cache.get('a')).toBe('A');
    now = 500;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('keeps an expired answer for its stale window, served only on asking for a stale one, then drops it', () => {
    let now = 0;
    const cache = new ReadCache<string>(500, 1_000, () => now, 300);
    cache.set('a', 'A', 10);
    now = 500;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.getStale('a')).toBe('A');
    now = 799;
    expect(cache.getStale('a')).toBe('A');
    now = 800;
    expect(cache.getStale('a')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('stays within its byte budget whatever callers ask for (1,000 large pages)', () => {
    const cache = new ReadCache<string>(60_000, 1_000_000);
    for (let i = 0; i < 1_000; i++) cache.set(`page-${i}`, 'x', 100_000);
    expect(cache.size.bytes).toBeLessThanOrEqual(1_000_000);
    expect(cache.size.entries).toBe(10);
    // the most recent pages are the ones kept
    expect(cache.get('page-999')).toBe('x');
    expect(cache.get('page-0')).toBeUndefined();
  });

  it('does not keep an answer larger than an eighth of the budget', () => {
    const cache = new ReadCache<string>(60_000, 800);
    cache.set('big', 'x', 101);
    expect(cache.get('big')).toBeUndefined();
    cache.set('small', 'y', 100);
    expect(cache.get('small')).toBe('y');
  });

  it('drops expired entries when new ones come, even if nobody asks for them again', () => {
    let now = 0;
    const cache = new ReadCache<string>(500, 1_000_000, () => now);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, 'v', 10);
    now = 1_000;
    cache.set('fresh', 'v', 10);
    expect(cache.size).toEqual({ entries: 1, bytes: 10 });
  });
});
