import { dayNumberOf, endOfParisDay, parisDateOf, parisDayOf, parisMonthOf, startOfParisDay } from './calendar';

describe('the Paris calendar', () => {
  it('a café starting 2025-05-31T23:30Z belongs to June in Paris', () => {
    expect(parisMonthOf(Date.parse('2025-05-31T23:30:00Z'))).toBe('2025-06');
    expect(parisMonthOf(Date.parse('2025-05-31T21:59:59.999Z'))).toBe('2025-05');
  });

  it('a winter instant is one hour ahead of UTC, a summer one two', () => {
    expect(parisDateOf(Date.parse('2025-01-31T22:59:59.999Z'))).toBe('2025-01-31');
    expect(parisDateOf(Date.parse('2025-01-31T23:00:00Z'))).toBe('2025-02-01');
    expect(parisDateOf(Date.parse('2025-07-14T21:59:59.999Z'))).toBe('2025-07-14');
    expect(parisDateOf(Date.parse('2025-07-14T22:00:00Z'))).toBe('2025-07-15');
  });

  it.each([
    ['2025-01-15', '2025-01-14T23:00:00.000Z', '2025-01-15T22:59:59.999Z'],
    ['2025-07-15', '2025-07-14T22:00:00.000Z', '2025-07-15T21:59:59.999Z'],
    // the days daylight saving starts and ends are 23 and 25 hours long
    ['2025-03-30', '2025-03-29T23:00:00.000Z', '2025-03-30T21:59:59.999Z'],
    ['2025-10-26', '2025-10-25T22:00:00.000Z', '2025-10-26T22:59:59.999Z'],
  ])('the Paris day %s runs from %s to %s', (date, start, end) => {
    const day = dayNumberOf(date);
    expect(new Date(startOfParisDay(day)).toISOString()).toBe(start);
    expect(new Date(endOfParisDay(day)).toISOString()).toBe(end);
    expect(parisDayOf(startOfParisDay(day))).toBe(day);
    expect(parisDayOf(endOfParisDay(day))).toBe(day);
    expect(parisDayOf(endOfParisDay(day) + 1)).toBe(day + 1);
  });

  it.each(['2025-02-30', '2025-1-01', 'yesterday', '2025-13-01'])('refuses %s as a date', (date) => {
    expect(() => dayNumberOf(date)).toThrow(RangeError);
  });
});
