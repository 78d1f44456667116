import { retentionCutoff } from './retention-policy';

describe('the retention cutoff', () => {
  it('is the same instant so many calendar months before', () => {
    expect(retentionCutoff(new Date('2026-06-15T12:00:00Z'), 24).toISOString()).toBe('2024-06-15T12:00:00.000Z');
    expect(retentionCutoff(new Date('2026-01-10T00:00:00Z'), 1).toISOString()).toBe('2025-12-10T00:00:00.000Z');
  });

  it('takes the last day of a shorter month', () => {
    expect(retentionCutoff(new Date('2026-03-31T08:00:00Z'), 1).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(retentionCutoff(new Date('2026-02-28T08:00:00Z'), 24).toISOString()).toBe('2024-02-28T08:00:00.000Z');
  });

  it('refuses a period that is not a whole number of months', () => {
    expect(() => retentionCutoff(new Date(), 0)).toThrow(RangeError);
    expect(() => retentionCutoff(new Date(), 1.5)).toThrow(RangeError);
  });
});
