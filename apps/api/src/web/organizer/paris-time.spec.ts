import { parisDateTime, parisInstant } from './paris-time';

describe('a day and a time in Paris as an instant', () => {
  it('is in winter time (+01:00) in January and summer time (+02:00) in June', () => {
    expect(parisInstant('2026-01-15', '18:30')).toEqual({ ok: true, instant: '2026-01-15T18:30:00+01:00' });
    expect(parisInstant('2026-06-10', '18:00')).toEqual({ ok: true, instant: '2026-06-10T18:00:00+02:00' });
  });

  it('follows the change of time on its very day', () => {
    // clocks go forward at 02:00 on 29 March 2026, back at 03:00 on 25 October 2026
    expect(parisInstant('2026-03-29', '01:30')).toEqual({ ok: true, instant: '2026-03-29T01:30:00+01:00' });
    expect(parisInstant('2026-03-29', '18:00')).toEqual({ ok: true, instant: '2026-03-29T18:00:00+02:00' });
    expect(parisInstant('2026-10-25', '09:00')).toEqual({ ok: true, instant: '2026-10-25T09:00:00+01:00' });
    expect(parisInstant('2026-10-24', '23:59')).toEqual({ ok: true, instant: '2026-10-24T23:59:00+02:00' });
  });

  it('refuses the hour skipped when clocks go forward, and takes the first of the hour lived twice', () => {
    expect(parisInstant('2026-03-29', '02:30')).toEqual({ ok: false, reason: 'skipped' });
    expect(parisInstant('2026-10-25', '02:30')).toEqual({ ok: true, instant: '2026-10-25T02:30:00+02:00' });
  });

  it('refuses what is not a day or a time', () => {
    for (const [date, time] of [['2026-02-30', '10:00'], ['15/06/2026', '10:00'], ['2026-06-15', '24:00'], ['2026-06-15', '9h'], ['', '']]) {
      expect({ date, time, result: parisInstant(date, time) }).toEqual({ date, time, result: { ok: false, reason: 'invalid' } });
    }
  });

  it('gives back the day and time a Paris clock shows for an instant', () => {
    expect(parisDateTime('2026-06-10T16:00:00Z')).toEqual({ date: '2026-06-10', time: '18:00' });
    expect(parisDateTime('2026-12-31T23:30:00Z')).toEqual({ date: '2027-01-01', time: '00:30' });
    const there = parisInstant('2026-10-25', '02:30');
    expect(there.ok && parisDateTime(there.instant)).toEqual({ date: '2026-10-25', time: '02:30' });
  });
});
