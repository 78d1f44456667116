import { StateCache } from './state-cache';

const entry = (version: number) => ({ state: { version }, version, position: String(version + 1) });

describe('the state cache', () => {
  it('keeps the events folded into its states under its budget, dropping the least recently used', () => {
    const cache = new StateCache(10_000, { maxEvents: 1_000 });
    for (let i = 0; i < 100; i++) cache.set(`cafe-${i}`, entry(99)); // 100 events each
    expect(cache.events).toBeLessThanOrEqual(1_000);
    expect(cache.size).toBe(10);
    expect(cache.get('cafe-99')).toBeDefined();
    expect(cache.get('cafe-0')).toBeUndefined();
  });

  it('does not keep a stream that alone would take a quarter of the budget', () => {
    const cache = new StateCache(10, { maxEvents: 1_000 });
    cache.set('cafe-big', entry(400));
    expect(cache.get('cafe-big')).toBeUndefined();
  });

  it('forgets a state nobody used for the idle time', () => {
    let now = 0;
    const cache = new StateCache(10, { idleMs: 1_000, now: () => now });
    cache.set('cafe-1', entry(0));
    now = 999;
    expect(cache.get('cafe-1')).toBeDefined();
    now = 1_998;
    expect(cache.get('cafe-1')).toBeDefined(); // the read above renewed it
    now = 3_000;
    expect(cache.get('cafe-1')).toBeUndefined();
    expect(cache.events).toBe(0);
  });

  it('never goes back to an older revision', () => {
    const cache = new StateCache(10);
    cache.set('s', entry(5));
    cache.set('s', entry(3));
    expect(cache.get('s')?.version).toBe(5);
    expect(cache.events).toBe(6);
  });
});
