import type { Reporting } from '../reporting/reporting';
import type { TerritoryFiguresTable } from '../schema/read-model-db';

/** The figures of API.md, the same shape nationally and for each territory. */
export interface Figures {
  attendances: number;
  distinctParticipants: number;
  anonymousAttendees: number;
  peopleReached: number;
  cafesHeld: number;
  cafesScheduled: number;
  cafesCancelled: number;
  structuresActive: number;
  shareOutsideParis: number | null;
  animatorsTrained: number;
  animatorsInTraining: number;
  shareTrainedCapable: number | null;
  /** reporting completeness (API.md, second part) */
  reporting: Reporting;
}

export type StoredFigures = Omit<TerritoryFiguresTable, 'territory_key' | 'structures_active'>;

export const noStoredFigures = (): StoredFigures => ({
  attendances_named: 0,
  distinct_participants: 0,
  anonymous: 0,
  cafes_held: 0,
  cafes_held_outside_paris: 0,
  cafes_cancelled: 0,
  animators_trained: 0,
  animators_in_training: 0,
  animators_capable: 0,
});

/** Stored counters plus the figures that depend on "now" or on distinct structures, read separately. */
export function toFigures(stored: StoredFigures, cafesScheduled: number, structuresActive: number, reporting: Reporting): Figures {
  const n = (v: number | string) => Number(v);
  const named = n(stored.attendances_named);
  const anonymous = n(stored.anonymous);
  const distinct = n(stored.distinct_participants);
  const held = n(stored.cafes_held);
  const trained = n(stored.animators_trained);
  return {
    attendances: named + anonymous,
    distinctParticipants: distinct,
    anonymousAttendees: anonymous,
    peopleReached: distinct + anonymous,
    cafesHeld: held,
    cafesScheduled,
    cafesCancelled: n(stored.cafes_cancelled),
    structuresActive,
    shareOutsideParis: held === 0 ? null : n(stored.cafes_held_outside_paris) / held,
    animatorsTrained: trained,
    animatorsInTraining: n(stored.animators_in_training),
    shareTrainedCapable: trained === 0 ? null : n(stored.animators_capable) / trained,
    reporting,
  };
}
