import type { CancelCafe, RescheduleCafe, ScheduleCafe } from './cafe.commands';
import { conflict, ruleViolation } from '../errors';
import { sameInstant, toMillis } from '../instants';
import { sameData } from '../same-data';
import { attendanceRecorded } from './cafe.queries';
import { knownCafe, refuseIfCancelled } from './cafe.guards';
import type { CafeEvent, CafeState } from './cafe.state';

const checkTimes = (startsAt: string, endsAt: string | null): void => {
  const start = toMillis(startsAt, 'startsAt');
  if (endsAt !== null && toMillis(endsAt, 'endsAt') <= start) {
    throw ruleViolation('ends_before_start', 'A café must end after it starts.', 'endsAt');
  }
};

export const scheduleCafe = (command: ScheduleCafe, state: CafeState): CafeEvent[] => {
  const { type: _type, now, ...scheduling } = command;
  if (state.status !== 'unscheduled') {
    // `now` differs on every retry; only the scheduling fields tell a retry from a reused id
    const { scheduledAt: _scheduledAt, ...original } = state.scheduled;
    if (sameData(original, scheduling)) return [];
    throw conflict('id_reused', 'This id already belongs to a café scheduled with different details.', 'id');
  }
  checkTimes(command.startsAt, command.endsAt);
  if (command.capacity !== null && !(Number.isInteger(command.capacity) && command.capacity >= 1)) {
    throw ruleViolation('invalid_capacity', 'The capacity must be a whole number of at least 1.', 'capacity');
  }
  return [{ type: 'CafeScheduled', data: { ...scheduling, scheduledAt: now } }];
};

export const rescheduleCafe = (command: RescheduleCafe, state: CafeState): CafeEvent[] => {
  const cafe = knownCafe(state);
  refuseIfCancelled(cafe, 'it cannot be rescheduled');
  checkTimes(command.startsAt, command.endsAt);
  if (sameInstant(cafe.startsAt, command.startsAt, 'startsAt') && sameInstant(cafe.endsAt, command.endsAt, 'endsAt')) return [];
  return [
    {
      type: 'CafeRescheduled',
      data: {
        cafeId: command.cafeId,
        startsAt: command.startsAt,
        endsAt: command.endsAt,
        previousStartsAt: cafe.startsAt,
        afterAttendance: attendanceRecorded(cafe),
        at: command.now,
      },
    },
  ];
};

export const cancelCafe = (command: CancelCafe, state: CafeState): CafeEvent[] => {
  const cafe = knownCafe(state);
  if (cafe.status === 'cancelled') return [];
  if (attendanceRecorded(cafe)) {
    throw ruleViolation('cafe_has_attendance', 'Attendance has already been recorded for this café, so it cannot be cancelled.');
  }
  return [{ type: 'CafeCancelled', data: { cafeId: command.cafeId, reason: command.reason, at: command.now } }];
};
