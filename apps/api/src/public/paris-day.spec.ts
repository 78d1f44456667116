import { boundMs, parisDayEndMs, parisDayStartMs } from './paris-day';

describe('Paris days', () => {
  it('starts a summer day at 22:00 UTC the day before, a winter day at 23:00', () => {
    expect(new Date(parisDayStartMs('2026-07-02')).toISOString()).toBe('2026-07-01T22:00:00.000Z');
    expect(new Date(parisDayStartMs('2026-01-15')).toISOString()).toBe('2026-01-14T23:00:00.000Z');
  });

  it('handles the days the clocks change (23 and 25 hours long)', () => {
    expect(parisDayEndMs('2026-03-29') + 1 - parisDayStartMs('2026-03-29')).toBe(23 * 3_600_000);
    expect(parisDayEndMs('2026-10-25') + 1 - parisDayStartMs('2026-10-25')).toBe(25 * 3_600_000);
  });

  it('takes an instant as it is', () => {
    expect(boundMs('2026-07-02T18:00:00+02:00', false)).toBe(Date.parse('2026-07-02T16:00:00Z'));
    expect(new Date(boundMs('2026-07-02', true)).toISOString()).toBe('2026-07-02T21:59:59.999Z');
  });
});
