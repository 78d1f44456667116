import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';
import { openFigureCounts, type OpenFigureCount } from './open-figure-counts';
import { parisMonthOf } from '@cafeia/paris-time';

describe('the Paris month of an instant', () => {
  it('follows Paris time, not UTC, across a month’s end in winter and in summer', () => {
    const monthOf = parisMonthOf;
    expect(monthOf(Date.parse('2026-01-31T23:30:00Z'))).toBe('2026-02');
    expect(monthOf(Date.parse('2026-01-31T22:59:59Z'))).toBe('2026-01');
    expect(monthOf(Date.parse('2026-06-30T22:00:00Z'))).toBe('2026-07');
    expect(monthOf(Date.parse('2026-06-30T21:59:59Z'))).toBe('2026-06');
  });
});

describeOnBothDialects('the open data counts', (dialect) => {
  const world = () =>
    new EventLog().add(
      on.structureRegistered('lib', '69123'),
      on.structureRegistered('asso', '69266'),
      on.cafeScheduled('may', { structureId: 'lib', communeCode: '69381', startsAt: '2026-05-10T16:00:00Z' }),
      on.attended('may', 'p1'),
      on.attended('may', 'p2'),
      on.headcount('may', 3),
      on.cafeScheduled('june-lyon', { structureId: 'lib', communeCode: '69123', startsAt: '2026-06-10T16:00:00Z' }),
      on.attended('june-lyon', 'p1'),
      on.attended('june-lyon', 'p3'),
      on.cafeScheduled('june-villeurbanne', { structureId: 'asso', communeCode: '69266', startsAt: '2026-06-30T22:30:00Z' }), // July in Paris
      on.attended('june-villeurbanne', 'p1'),
      on.cafeScheduled('empty', { structureId: 'asso', communeCode: '69266', startsAt: '2026-06-12T16:00:00Z' }),
      on.cafeScheduled('cancelled', { structureId: 'asso', communeCode: '69266', startsAt: '2026-06-13T16:00:00Z' }),
      on.headcount('cancelled', 50),
      on.cafeCancelled('cancelled'),
    );
  const counts = async () => {
    const side = await freshReadSide(dialect);
    await side.apply(world());
    return openFigureCounts(side.db, side.territories);
  };
  const find = (all: OpenFigureCount[], key: string, month: string | null) => all.find((c) => c.key === key && c.month === month);

  it('gives the dashboards’ figures for all time, each person once per territory', async () => {
    const all = await counts();
    expect(find(all, 'department:69', null)).toEqual({ key: 'department:69', month: null, peopleReached: 6, attendances: 8, anonymousAttendees: 3, cafesHeld: 3, structuresActive: 2 });
    expect(find(all, 'commune:69266', null)).toMatchObject({ peopleReached: 1, attendances: 1, cafesHeld: 1, structuresActive: 1 });
  });

  it('per Paris month, people reached there for the first time, so that the months add up to all time', async () => {
    const all = await counts();
    expect(find(all, 'department:69', '2026-05')).toMatchObject({ peopleReached: 5, attendances: 5, anonymousAttendees: 3, cafesHeld: 1, structuresActive: 1 });
    expect(find(all, 'department:69', '2026-06')).toMatchObject({ peopleReached: 1, attendances: 2, cafesHeld: 1, structuresActive: 1 });
    expect(find(all, 'department:69', '2026-07')).toMatchObject({ peopleReached: 0, attendances: 1, cafesHeld: 1, structuresActive: 1 });
    for (const total of all.filter((c) => c.month === null)) {
      const months = all.filter((c) => c.key === total.key && c.month !== null);
      for (const field of ['peopleReached', 'attendances', 'anonymousAttendees', 'cafesHeld'] as const) {
        expect({ key: total.key, field, sum: months.reduce((s, m) => s + m[field], 0) }).toEqual({ key: total.key, field, sum: total[field] });
      }
    }
  });

  it('leaves out territories and months with nothing held (cancelled or empty cafés)', async () => {
    const all = await counts();
    expect(all.every((c) => c.attendances > 0 || c.cafesHeld > 0)).toBe(true);
    expect(find(all, 'commune:69266', '2026-06')).toBeUndefined();
  });
});
