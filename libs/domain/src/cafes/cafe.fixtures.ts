/** Events and commands shared by the café specs; a café in Lyon starting 2025-03-10 at 18:00 Paris time. */
import type { CafeCommand, RecordAttendance, ScheduleCafe } from './cafe.commands';
import type { CafeEvent } from './cafe.state';

export const cafeId = 'c-1';
export const startsAt = '2025-03-10T18:00:00+01:00';
export const duringCafe = '2025-03-10T18:30:00+01:00';

export const schedule: ScheduleCafe = {
  type: 'ScheduleCafe',
  cafeId,
  structureId: 's-1',
  title: "L'IA au quotidien",
  format: 'discussion',
  startsAt,
  endsAt: '2025-03-10T20:00:00+01:00',
  communeCode: '69383',
  capacity: 20,
  audience: 'seniors',
  online: false,
  animatorIds: ['a-1'],
  now: '2025-02-01T09:00:00Z',
};

export const scheduled: CafeEvent = {
  type: 'CafeScheduled',
  data: {
    cafeId,
    structureId: 's-1',
    title: "L'IA au quotidien",
    format: 'discussion',
    startsAt,
    endsAt: '2025-03-10T20:00:00+01:00',
    communeCode: '69383',
    capacity: 20,
    audience: 'seniors',
    online: false,
    animatorIds: ['a-1'],
    scheduledAt: '2025-02-01T09:00:00Z',
  },
};

export const cancelled: CafeEvent = { type: 'CafeCancelled', data: { cafeId, reason: 'room unavailable', at: '2025-02-05T09:00:00Z' } };

export const enrolled = (participantId: string, enrolmentId = `e-${participantId}`, at = '2025-02-02T09:00:00Z'): CafeEvent => ({
  type: 'ParticipantEnrolled',
  data: { cafeId, enrolmentId, participantId, at },
});

export const enrolmentCancelled = (participantId: string, enrolmentId = `e-${participantId}`, at = '2025-02-03T09:00:00Z'): CafeEvent => ({
  type: 'EnrolmentCancelled',
  data: { cafeId, enrolmentId, participantId, at },
});

export const attended = (participantId: string, enrolmentId = `e-${participantId}`, at = duringCafe): CafeEvent => ({
  type: 'AttendanceRecorded',
  data: { cafeId, participantId, enrolmentId, at },
});

export const headcount = (count: number, previousCount = 0, at = duringCafe): CafeEvent => ({
  type: 'AnonymousHeadcountDeclared',
  data: { cafeId, count, previousCount, at },
});

export const attendance = (participantIds: string[], anonymousCount: number | null = null, now = duringCafe): RecordAttendance => ({
  type: 'RecordAttendance',
  cafeId,
  attendees: participantIds.map((participantId) => ({ participantId, enrolmentId: `new-${participantId}` })),
  anonymousCount,
  now,
});

export const enrol = (participantId: string, enrolmentId = `e-${participantId}`, now = '2025-02-02T09:00:00Z'): CafeCommand => ({
  type: 'EnrolParticipant',
  cafeId,
  enrolmentId,
  participantId,
  now,
});
