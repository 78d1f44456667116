import { fold } from '../decider';
import { cafeDecider } from './cafe.decider';
import { activeEnrolmentOf, anonymousCountOf, attendedParticipants, cafeSummary } from './cafe.queries';
import { attended, cancelled, enrolled, enrolmentCancelled, headcount, scheduled, startsAt } from './cafe.fixtures';

const state = (...events: Parameters<typeof cafeDecider.evolve>[1][]) => fold(cafeDecider, events);

describe('what the API reads from a café', () => {
  it('an unknown café has no summary, nobody attended and no headcount', () => {
    expect(cafeSummary(state())).toBeNull();
    expect(attendedParticipants(state())).toEqual([]);
    expect(anonymousCountOf(state())).toBe(0);
    expect(activeEnrolmentOf(state(), 'p-1')).toBeNull();
  });

  it('lists the attendees in the order recorded, and the latest headcount', () => {
    const cafe = state(scheduled, enrolled('p-2'), enrolled('p-1'), attended('p-1'), attended('p-2'), headcount(4), headcount(2, 4));
    expect(attendedParticipants(cafe)).toEqual(['p-1', 'p-2']);
    expect(anonymousCountOf(cafe)).toBe(2);
  });

  it('a scheduled café without attendance is summarised as scheduled, counting active enrolments only', () => {
    const cafe = state(scheduled, enrolled('p-1'), enrolled('p-2'), enrolmentCancelled('p-2'));
    expect(cafeSummary(cafe)).toEqual({
      cafeId: 'c-1',
      status: 'scheduled',
      startsAt,
      endsAt: '2025-03-10T20:00:00+01:00',
      structureId: 's-1',
      communeCode: '69383',
      counts: { enrolled: 1, attendedNamed: 0, anonymous: 0, attendances: 0 },
    });
  });

  it('a café with attendance is summarised as held, attendances adding named and anonymous', () => {
    const cafe = state(scheduled, enrolled('p-1'), enrolled('p-2'), attended('p-1'), headcount(3));
    expect(cafeSummary(cafe)).toMatchObject({ status: 'held', counts: { enrolled: 2, attendedNamed: 1, anonymous: 3, attendances: 4 } });
  });

  it('a cancelled café is summarised as cancelled', () => {
    expect(cafeSummary(state(scheduled, enrolled('p-1'), cancelled))).toMatchObject({ status: 'cancelled', counts: { enrolled: 1 } });
  });
});
