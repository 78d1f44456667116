import { cafeEndsAt, inCalendarWindow } from './cafe-times';
import { aCafe } from './testing/cafes';

describe('the times of a public café', () => {
  it('keeps a given end as written and gives two hours to a café without one', () => {
    expect(cafeEndsAt(aCafe())).toBe('2026-06-12T18:30:00+02:00');
    expect(cafeEndsAt(aCafe({ startsAt: '2026-06-12T16:00:00+02:00', endsAt: null }))).toBe('2026-06-12T16:00:00.000Z');
  });

  it('keeps in the calendar the cafés that started 30 days ago or later', () => {
    const now = '2026-07-12T14:00:00Z';
    expect(inCalendarWindow(aCafe({ startsAt: '2026-06-12T14:00:00Z' }), now)).toBe(true);
    expect(inCalendarWindow(aCafe({ startsAt: '2026-06-12T13:59:59Z' }), now)).toBe(false);
    expect(inCalendarWindow(aCafe({ startsAt: '2026-09-01T10:00:00Z' }), now)).toBe(true);
  });

  it('refuses a start that is not an instant', () => {
    expect(() => cafeEndsAt(aCafe({ startsAt: 'demain', endsAt: null }))).toThrow(/not an instant/);
  });
});
