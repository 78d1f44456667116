/** API.md "Figures" over a set of cafés, the dashboards' definitions restricted to the report's cafés. */
import type { AuditFigures } from './audit-report';
import type { CafeFacts } from './cafe-audit';

export function figuresOf(cafes: readonly CafeFacts[], reportAtMs: number, isParis: (communeCode: string) => boolean): AuditFigures {
  const participants = new Set<string>();
  const activeStructures = new Set<string>();
  let named = 0;
  let anonymous = 0;
  let held = 0;
  let heldOutsideParis = 0;
  let scheduled = 0;
  let cancelled = 0;
  for (const facts of cafes) {
    const { cafe } = facts;
    if (cafe.status === 'cancelled') {
      // a cancelled café cannot have attendance (the write side refuses both orders), and counts nowhere else
      cancelled++;
      continue;
    }
    named += cafe.attendedNamed;
    anonymous += cafe.anonymous;
    for (const participantId of facts.participantIds) participants.add(participantId);
    if (facts.startsAtMs > reportAtMs) scheduled++;
    if (cafe.status === 'held') {
      held++;
      activeStructures.add(facts.structureId);
      if (!isParis(cafe.communeCode)) heldOutsideParis++;
    }
  }
  return {
    attendances: named + anonymous,
    distinctParticipants: participants.size,
    anonymousAttendees: anonymous,
    peopleReached: participants.size + anonymous,
    cafesHeld: held,
    cafesScheduled: scheduled,
    cafesCancelled: cancelled,
    structuresActive: activeStructures.size,
    shareOutsideParis: held === 0 ? null : heldOutsideParis / held,
    animatorsTrained: null,
    animatorsInTraining: null,
    shareTrainedCapable: null,
  };
}
