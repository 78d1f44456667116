import { fromParisWallClock, parisOffsetMinutes, toParisIso } from './wall-clock';

const at = (year: number, month: number, day: number, hour: number, minute: number) =>
  fromParisWallClock({ year, month, day, hour, minute, second: 0 });

describe('Paris wall-clock time', () => {
  it('reads a summer evening as UTC+2', () => {
    expect(at(2025, 5, 28, 18, 30)).toEqual({ ok: true, millis: Date.parse('2025-05-28T16:30:00Z') });
  });

  it('reads a winter evening as UTC+1', () => {
    expect(at(2025, 12, 5, 18, 30)).toEqual({ ok: true, millis: Date.parse('2025-12-05T17:30:00Z') });
  });

  it('refuses a time skipped when clocks go forward (30 March 2025, 02:30)', () => {
    expect(at(2025, 3, 30, 2, 30)).toEqual({ ok: false, reason: 'nonexistent' });
    expect(at(2025, 3, 30, 1, 59)).toEqual({ ok: true, millis: Date.parse('2025-03-30T00:59:00Z') });
    expect(at(2025, 3, 30, 3, 0)).toEqual({ ok: true, millis: Date.parse('2025-03-30T01:00:00Z') });
  });

  it('reads a time shown twice when clocks go back (26 October 2025, 02:30) as the first, in summer time', () => {
    expect(at(2025, 10, 26, 2, 30)).toEqual({ ok: true, millis: Date.parse('2025-10-26T00:30:00Z') });
    expect(at(2025, 10, 26, 3, 30)).toEqual({ ok: true, millis: Date.parse('2025-10-26T02:30:00Z') });
  });

  it('writes instants with the offset in force in Paris', () => {
    expect(toParisIso(Date.parse('2025-05-28T16:30:00Z'))).toBe('2025-05-28T18:30:00+02:00');
    expect(toParisIso(Date.parse('2025-12-05T17:30:00.250Z'))).toBe('2025-12-05T18:30:00.250+01:00');
    expect(parisOffsetMinutes(Date.parse('2025-10-26T00:59:59Z'))).toBe(120);
    expect(parisOffsetMinutes(Date.parse('2025-10-26T01:00:00Z'))).toBe(60);
  });
});
