import { isISO8601 } from 'class-validator';
import { DATE_ONLY, DATE_OR_INSTANT, INSTANT_WITH_OFFSET } from './calendar-patterns';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('calendar patterns', () => {
  it('accept exactly the days the strict ISO 8601 validator accepts over the programme’s years 2020–2100, and no other year', () => {
    const disagreements: string[] = [];
    for (let year = 0; year <= 9999; year += 1) {
      const programme = year >= 2020 && year <= 2100;
      for (let month = 0; month <= 13; month += 1) {
        // every day where months differ (28–31) and the edges; 01–27 behave alike in every month
        for (const day of [0, 1, 27, 28, 29, 30, 31, 32]) {
          const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (DATE_ONLY.test(date) !== (programme && isISO8601(date, { strict: true }))) disagreements.push(date);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it.each(['2024-02-29', '2096-02-29', '2026-04-30', '2026-12-31', '2100-12-31', '2020-01-01'])('accepts the day %s', (date) => {
    expect(DATE_ONLY.test(date)).toBe(true);
  });

  it.each(['2026-02-29', '2100-02-29', '2019-12-31', '2101-01-01', '2000-02-29', '2026-04-31', '2026-13-01', '2026-1-01', '0099-12-31', '2026-01-01\n', ' 2026-01-01'])(
    'refuses %p',
    (date) => expect(DATE_ONLY.test(date)).toBe(false),
  );

  it.each(['2026-12-05T18:30:00+01:00', '2026-12-05T18:30Z', '2026-12-05T18:30:00.123456789-05:30', '2024-02-29T23:59:59Z'])(
    'accepts the instant %s, which the validator accepts too',
    (instant) => {
      expect(INSTANT_WITH_OFFSET.test(instant)).toBe(true);
      expect(isISO8601(instant, { strict: true })).toBe(true);
    },
  );

  it.each([
    '2026-12-05T18:30:00',
    '2026-12-05 18:30:00Z',
    '2026-12-05T24:00:00Z',
    '2026-12-05T18:60:00Z',
    '2026-12-05T18:30:00.1234567890Z',
    '2026-12-05T18:30:00+24:00',
    '2026-02-30T10:00:00Z',
    '2026-12-05t18:30:00z',
  ])('refuses the instant %p', (instant) => expect(INSTANT_WITH_OFFSET.test(instant)).toBe(false));

  it('takes a date or an instant where a filter allows either', () => {
    expect(DATE_OR_INSTANT.test('2026-06-01')).toBe(true);
    expect(DATE_OR_INSTANT.test('2026-06-01T00:00:00+02:00')).toBe(true);
    expect(DATE_OR_INSTANT.test('2026-06-31')).toBe(false);
  });
});
