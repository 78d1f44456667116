import type { CancelEnrolment, EnrolParticipant } from './cafe.commands';
import { conflict, notFound, ruleViolation } from '../errors';
import type { CafeEvent, CafeState, KnownCafe } from './cafe.state';
import { knownCafe, refuseIfCancelled } from './cafe.guards';

export const refuseReusedEnrolmentId = (cafe: KnownCafe, enrolmentId: string, field: string): void => {
  if (cafe.enrolments.has(enrolmentId)) {
    throw conflict('enrolment_id_reused', 'This enrolment id is already used in this café.', field);
  }
};

export const enrolParticipant = (command: EnrolParticipant, state: CafeState): CafeEvent[] => {
  const cafe = knownCafe(state);
  refuseIfCancelled(cafe, 'nobody can enrol in it');
  // the same person enrolling again keeps their enrolment; the caller reads it with `activeEnrolmentOf`
  if (cafe.activeEnrolments.has(command.participantId)) return [];
  refuseReusedEnrolmentId(cafe, command.enrolmentId, 'enrolmentId');
  const { cafeId, enrolmentId, participantId, now: at } = command;
  return [{ type: 'ParticipantEnrolled', data: { cafeId, enrolmentId, participantId, at } }];
};

export const cancelEnrolment = (command: CancelEnrolment, state: CafeState): CafeEvent[] => {
  const cafe = knownCafe(state);
  const enrolment = cafe.enrolments.get(command.enrolmentId);
  if (enrolment === undefined) throw notFound('enrolment_not_found', 'No enrolment with this id exists in this café.');
  if (enrolment.status === 'cancelled') return [];
  if (cafe.attended.has(enrolment.participantId)) {
    throw ruleViolation('participant_attended', 'This person has already attended the café, so their enrolment cannot be cancelled.');
  }
  const { cafeId, enrolmentId, now: at } = command;
  return [{ type: 'EnrolmentCancelled', data: { cafeId, enrolmentId, participantId: enrolment.participantId, at } }];
};
