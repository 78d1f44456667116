import type { RecordAttendance } from './cafe.commands';
import { given } from '../testing/given-when-then';
import { cafeDecider } from './cafe.decider';
import type { CafeEvent } from './cafe.state';
import { attendance, attended, cafeId, cancelled, duringCafe, enrolled, enrolmentCancelled, headcount, scheduled, startsAt } from './cafe.fixtures';

describe('recording attendance', () => {
  it('records an enrolled person under their enrolment', () => {
    given(cafeDecider, [scheduled, enrolled('p-1')]).when(attendance(['p-1'])).then([attended('p-1')]);
  });

  it('a person not enrolled is enrolled on the way, then recorded', () => {
    given(cafeDecider, [scheduled])
      .when(attendance(['p-1']))
      .then([enrolled('p-1', 'new-p-1', duringCafe), attended('p-1', 'new-p-1')]);
  });

  it('a person whose enrolment was cancelled is enrolled again on the way', () => {
    given(cafeDecider, [scheduled, enrolled('p-1'), enrolmentCancelled('p-1')])
      .when(attendance(['p-1']))
      .then([enrolled('p-1', 'new-p-1', duringCafe), attended('p-1', 'new-p-1')]);
  });

  it('recording attendance twice counts the person once', () => {
    given(cafeDecider, [scheduled, enrolled('p-1'), attended('p-1')]).when(attendance(['p-1'])).then([]);
  });

  it('a person listed twice in one command counts once', () => {
    given(cafeDecider, [scheduled, enrolled('p-1')]).when(attendance(['p-1', 'p-1'])).then([attended('p-1')]);
  });

  it('only the people not yet recorded are added', () => {
    given(cafeDecider, [scheduled, enrolled('p-1'), attended('p-1'), enrolled('p-2')])
      .when(attendance(['p-1', 'p-2', 'p-3']))
      .then([attended('p-2'), enrolled('p-3', 'new-p-3', duringCafe), attended('p-3', 'new-p-3')]);
  });

  it('attendance can be recorded at the very start of the café, in any offset', () => {
    given(cafeDecider, [scheduled, enrolled('p-1')])
      .when(attendance(['p-1'], null, '2025-03-10T17:00:00Z'))
      .then([attended('p-1', 'e-p-1', '2025-03-10T17:00:00Z')]);
  });

  it('two newcomers given the same enrolment id are a conflict', () => {
    const command: RecordAttendance = {
      ...attendance([]),
      attendees: [
        { participantId: 'p-1', enrolmentId: 'e-same' },
        { participantId: 'p-2', enrolmentId: 'e-same' },
      ],
    };
    given(cafeDecider, [scheduled]).when(command).thenThrows('conflict', 'enrolment_id_reused', 'attendees');
  });
});

describe('declaring the anonymous headcount', () => {
  it('declares the headcount of people who gave no contact', () => {
    given(cafeDecider, [scheduled]).when(attendance([], 5)).then([headcount(5, 0)]);
  });

  it('a new headcount replaces the previous one and says what it was', () => {
    given(cafeDecider, [scheduled, headcount(5)]).when(attendance([], 3)).then([headcount(3, 5)]);
  });

  it('the same headcount again records nothing', () => {
    given(cafeDecider, [scheduled, headcount(5)]).when(attendance([], 5)).then([]);
  });

  it('a headcount of zero on a café without one records nothing', () => {
    given(cafeDecider, [scheduled]).when(attendance([], 0)).then([]);
  });

  it('named attendees and a headcount can come in one command, named first', () => {
    given(cafeDecider, [scheduled, enrolled('p-1')]).when(attendance(['p-1'], 2)).then([attended('p-1'), headcount(2, 0)]);
  });

  it.each([-1, 1.5])('refuses a headcount of %p', (count) => {
    given(cafeDecider, [scheduled]).when(attendance([], count)).thenThrows('rule', 'invalid_anonymous_count', 'anonymousCount');
  });
});

describe('attendance refusals', () => {
  it('refuses a command with neither attendees nor headcount', () => {
    given(cafeDecider, [scheduled]).when(attendance([], null)).thenThrows('rule', 'attendance_empty', 'attendees');
  });

  it('refuses attendance on a cancelled café', () => {
    given(cafeDecider, [scheduled, cancelled]).when(attendance(['p-1'])).thenThrows('rule', 'cafe_cancelled');
  });

  it('refuses attendance before the café starts', () => {
    given(cafeDecider, [scheduled]).when(attendance(['p-1'], null, '2025-03-10T16:59:59Z')).thenThrows('rule', 'cafe_not_started');
  });

  it('after a reschedule, the new start is the one that counts', () => {
    const rescheduled: CafeEvent = {
      type: 'CafeRescheduled',
      data: { cafeId, startsAt: '2025-03-17T18:00:00+01:00', endsAt: null, previousStartsAt: startsAt, afterAttendance: false, at: '2025-03-01T09:00:00Z' },
    };
    given(cafeDecider, [scheduled, rescheduled]).when(attendance([], 4)).thenThrows('rule', 'cafe_not_started');
  });

  it('attendance on an unknown café is not found', () => {
    given(cafeDecider, []).when(attendance(['p-1'])).thenThrows('not_found', 'cafe_not_found');
  });
});
