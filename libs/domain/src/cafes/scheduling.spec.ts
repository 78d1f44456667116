import type { CafeCommand, RescheduleCafe } from './cafe.commands';
import { given } from '../testing/given-when-then';
import { cafeDecider } from './cafe.decider';
import type { CafeEvent } from './cafe.state';
import { attended, cafeId, cancelled, enrolled, headcount, schedule, scheduled, startsAt } from './cafe.fixtures';

const later = '2025-03-17T18:00:00+01:00';
const reschedule = (to: string, endsAt: string | null = null): RescheduleCafe => ({
  type: 'RescheduleCafe',
  cafeId,
  startsAt: to,
  endsAt,
  now: '2025-03-01T09:00:00Z',
});
const rescheduled = (to: string, afterAttendance: boolean, endsAt: string | null = null, previousStartsAt = startsAt): CafeEvent => ({
  type: 'CafeRescheduled',
  data: { cafeId, startsAt: to, endsAt, previousStartsAt, afterAttendance, at: '2025-03-01T09:00:00Z' },
});
const cancel: CafeCommand = { type: 'CancelCafe', cafeId, reason: 'animator ill', now: '2025-03-01T09:00:00Z' };

describe('scheduling a café', () => {
  it('schedules a new café, stamped with the time of the command', () => {
    given(cafeDecider, []).when(schedule).then([scheduled]);
  });

  it('a café may start in the past (back-filling)', () => {
    const past = { ...schedule, startsAt: '2024-01-10T18:00:00+01:00', endsAt: null };
    given(cafeDecider, []).when(past).then([{ type: 'CafeScheduled', data: { ...scheduled.data, startsAt: past.startsAt, endsAt: null } } as CafeEvent]);
  });

  it('scheduling again with the same details at another time records nothing (idempotent retry)', () => {
    given(cafeDecider, [scheduled]).when({ ...schedule, now: '2025-02-01T09:05:00Z' }).then([]);
  });

  it('a retried scheduling after a reschedule still records nothing', () => {
    given(cafeDecider, [scheduled, rescheduled(later, false)]).when(schedule).then([]);
  });

  it.each([
    ['another title', { title: 'Autre' }],
    ['another start', { startsAt: later, endsAt: null }],
    ['other animators', { animatorIds: ['a-1', 'a-2'] }],
    ['another capacity', { capacity: null }],
  ])('reusing the id with %s is a conflict on the id', (_label, change) => {
    given(cafeDecider, [scheduled]).when({ ...schedule, ...change }).thenThrows('conflict', 'id_reused', 'id');
  });

  it.each([
    ['an end before the start', '2025-03-10T17:00:00+01:00'],
    ['an end equal to the start', startsAt],
    ['an end equal to the start written in UTC', '2025-03-10T17:00:00Z'],
  ])('refuses %s', (_label, endsAt) => {
    given(cafeDecider, []).when({ ...schedule, endsAt }).thenThrows('rule', 'ends_before_start', 'endsAt');
  });

  it.each([0, -3, 2.5])('refuses a capacity of %p', (capacity) => {
    given(cafeDecider, []).when({ ...schedule, capacity }).thenThrows('rule', 'invalid_capacity', 'capacity');
  });

  it('accepts a capacity of one and no end time', () => {
    given(cafeDecider, [])
      .when({ ...schedule, capacity: 1, endsAt: null })
      .then([{ type: 'CafeScheduled', data: { ...scheduled.data, capacity: 1, endsAt: null } } as CafeEvent]);
  });
});

describe('rescheduling a café', () => {
  it('records the new time and the previous start', () => {
    given(cafeDecider, [scheduled]).when(reschedule(later)).then([rescheduled(later, false)]);
  });

  it('changing only the end time is a reschedule', () => {
    const newEnd = '2025-03-10T21:00:00+01:00';
    given(cafeDecider, [scheduled]).when(reschedule(startsAt, newEnd)).then([rescheduled(startsAt, false, newEnd)]);
  });

  it('the same times, even written in another offset, record nothing', () => {
    given(cafeDecider, [scheduled]).when(reschedule('2025-03-10T17:00:00Z', '2025-03-10T19:00:00Z')).then([]);
  });

  it('the previous start is the current one after an earlier reschedule', () => {
    const evenLater = '2025-03-24T18:00:00+01:00';
    given(cafeDecider, [scheduled, rescheduled(later, false)])
      .when(reschedule(evenLater))
      .then([rescheduled(evenLater, false, null, later)]);
  });

  it.each([
    ['a named attendance', [attended('p-1')], true],
    ['an anonymous headcount', [headcount(4)], true],
    ['a headcount declared as zero', [headcount(0)], false],
    ['enrolments only', [enrolled('p-1')], false],
  ] as [string, CafeEvent[], boolean][])('after %s, the reschedule is flagged afterAttendance=%p', (_label, history, afterAttendance) => {
    given(cafeDecider, [scheduled, ...history]).when(reschedule(later)).then([rescheduled(later, afterAttendance)]);
  });

  it('refuses to reschedule a cancelled café', () => {
    given(cafeDecider, [scheduled, cancelled]).when(reschedule(later)).thenThrows('rule', 'cafe_cancelled');
  });

  it('refuses an end before the new start', () => {
    given(cafeDecider, [scheduled]).when(reschedule(later, startsAt)).thenThrows('rule', 'ends_before_start', 'endsAt');
  });

  it('rescheduling an unknown café is not found', () => {
    given(cafeDecider, []).when(reschedule(later)).thenThrows('not_found', 'cafe_not_found');
  });
});

describe('cancelling a café', () => {
  it('cancels a café with its reason', () => {
    given(cafeDecider, [scheduled, enrolled('p-1')])
      .when(cancel)
      .then([{ type: 'CafeCancelled', data: { cafeId, reason: 'animator ill', at: '2025-03-01T09:00:00Z' } }]);
  });

  it('cancelling an already cancelled café records nothing', () => {
    given(cafeDecider, [scheduled, cancelled]).when(cancel).then([]);
  });

  it('a headcount declared as zero does not prevent cancelling', () => {
    given(cafeDecider, [scheduled, headcount(0)])
      .when(cancel)
      .then([{ type: 'CafeCancelled', data: { cafeId, reason: 'animator ill', at: '2025-03-01T09:00:00Z' } }]);
  });

  it.each([
    ['a named attendance', [enrolled('p-1'), attended('p-1')]],
    ['an anonymous headcount', [headcount(3)]],
  ] as [string, CafeEvent[]][])('refuses to cancel once %s is recorded', (_label, history) => {
    given(cafeDecider, [scheduled, ...history]).when(cancel).thenThrows('rule', 'cafe_has_attendance');
  });

  it('cancelling an unknown café is not found', () => {
    given(cafeDecider, []).when(cancel).thenThrows('not_found', 'cafe_not_found');
  });
});
