import { parisDateOf } from './calendar';
import { isCalendarDate, parisDateEnd as endOfParisDay, parisDateStart as startOfParisDay, parisLongDateOf } from './dates';

const iso = (ms: number) => new Date(ms).toISOString();

describe('Paris calendar days', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-6-15', '15/06/2026', '2026-06-15T00:00:00Z', '']) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it('begins and ends a day at Paris midnight, winter and summer', () => {
    expect(iso(startOfParisDay('2026-01-15'))).toBe('2026-01-14T23:00:00.000Z');
    expect(iso(endOfParisDay('2026-01-15'))).toBe('2026-01-15T23:00:00.000Z');
    expect(iso(startOfParisDay('2026-07-15'))).toBe('2026-07-14T22:00:00.000Z');
    expect(iso(endOfParisDay('2026-12-31'))).toBe('2026-12-31T23:00:00.000Z');
  });

  it('has 23 hours on the day summer time starts', () => {
    expect(endOfParisDay('2026-03-29') - startOfParisDay('2026-03-29')).toBe(23 * 3_600_000);
  });

  it('writes a Paris day as a French reader does', () => {
    expect(parisLongDateOf(Date.parse('2025-05-28T21:30:00Z'))).toBe('28 mai 2025');
    expect(parisLongDateOf(Date.parse('2025-05-28T22:30:00Z'))).toBe('29 mai 2025');
  });

  it('tells the Paris date of an instant', () => {
    expect(parisDateOf(Date.parse('2026-06-15T21:59:59Z'))).toBe('2026-06-15');
    expect(parisDateOf(Date.parse('2026-06-15T22:00:00Z'))).toBe('2026-06-16');
  });
});
