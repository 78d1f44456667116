import type { CafeCommand } from './cafe.commands';
import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { assertNever } from '../exhaustive';
import { recordAttendance } from './attendance';
import { evolveCafe, evolveCafeMany, initialCafeState, type CafeEvent, type CafeState } from './cafe.state';
import { cancelEnrolment, enrolParticipant } from './enrolment';
import { cancelCafe, rescheduleCafe, scheduleCafe } from './scheduling';

export const decideCafe = (command: CafeCommand, state: CafeState): CafeEvent[] => {
  switch (command.type) {
    case 'ScheduleCafe':
      return scheduleCafe(command, state);
    case 'RescheduleCafe':
      return rescheduleCafe(command, state);
    case 'CancelCafe':
      return cancelCafe(command, state);
    case 'EnrolParticipant':
      return enrolParticipant(command, state);
    case 'CancelEnrolment':
      return cancelEnrolment(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    default:
      return assertNever(command);
  }
};

export const isCafeEvent = eventsOf<CafeEvent>({
  CafeScheduled: true,
  CafeRescheduled: true,
  CafeCancelled: true,
  ParticipantEnrolled: true,
  EnrolmentCancelled: true,
  AttendanceRecorded: true,
  AnonymousHeadcountDeclared: true,
});

export const cafeDecider = aggregateDecider<CafeCommand, CafeEvent, CafeState>({
  initialState: initialCafeState,
  decide: decideCafe,
  isOwnEvent: isCafeEvent,
  evolveOwn: evolveCafe,
  evolveManyOwn: evolveCafeMany,
});
