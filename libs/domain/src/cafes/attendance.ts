import type { RecordAttendance } from './cafe.commands';
import { conflict, ruleViolation } from '../errors';
import { toMillis } from '../instants';
import { isNonNegativeInteger } from '../whole-numbers';
import type { CafeEvent, CafeState } from './cafe.state';
import { refuseReusedEnrolmentId } from './enrolment';
import { knownCafe, refuseIfCancelled } from './cafe.guards';

export const recordAttendance = (command: RecordAttendance, state: CafeState): CafeEvent[] => {
  const cafe = knownCafe(state);
  refuseIfCancelled(cafe, 'no attendance can be recorded');
  const { cafeId, attendees, anonymousCount, now: at } = command;
  if (attendees.length === 0 && anonymousCount === null) {
    throw ruleViolation('attendance_empty', 'Give at least one attendee or an anonymous headcount.', 'attendees');
  }
  if (anonymousCount !== null && !isNonNegativeInteger(anonymousCount)) {
    throw ruleViolation('invalid_anonymous_count', 'The anonymous headcount must be a whole number, zero or more.', 'anonymousCount');
  }
  if (toMillis(at, 'now') < toMillis(cafe.startsAt, 'startsAt')) {
    throw ruleViolation('cafe_not_started', 'Attendance can only be recorded once the café has started.');
  }

  const events: CafeEvent[] = [];
  // people counted by this command, so that a person listed twice is counted once
  const counted = new Set<string>();
  const newEnrolmentIds = new Set<string>();
  for (const { participantId, enrolmentId: proposedEnrolmentId } of attendees) {
    if (cafe.attended.has(participantId) || counted.has(participantId)) continue;
    counted.add(participantId);
    let enrolmentId = cafe.activeEnrolments.get(participantId);
    if (enrolmentId === undefined) {
      // not enrolled: enrolled on the way, under the id the caller prepared
      refuseReusedEnrolmentId(cafe, proposedEnrolmentId, 'attendees');
      if (newEnrolmentIds.has(proposedEnrolmentId)) {
        throw conflict('enrolment_id_reused', 'Two attendees were given the same enrolment id.', 'attendees');
      }
      newEnrolmentIds.add(proposedEnrolmentId);
      enrolmentId = proposedEnrolmentId;
      events.push({ type: 'ParticipantEnrolled', data: { cafeId, enrolmentId, participantId, at } });
    }
    events.push({ type: 'AttendanceRecorded', data: { cafeId, participantId, enrolmentId, at } });
  }
  if (anonymousCount !== null && anonymousCount !== cafe.anonymousCount) {
    events.push({ type: 'AnonymousHeadcountDeclared', data: { cafeId, count: anonymousCount, previousCount: cafe.anonymousCount, at } });
  }
  return events;
};
