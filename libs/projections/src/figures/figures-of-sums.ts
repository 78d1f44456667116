import type { AnimatorSums } from '../animators/animator-sums';
import type { CafeSums } from '../cafes/cafe-sums';
import { toReporting } from '../reporting/reporting';
import { Figures, toFigures } from './figures';

/** The figures of a group of cafés summed at read time (a network, one of its structures or regions). */
export function figuresOfSums(cafes: CafeSums, distinctParticipants: number, structuresActive: number, animators: AnimatorSums): Figures {
  return toFigures(
    {
      attendances_named: cafes.named,
      distinct_participants: distinctParticipants,
      anonymous: cafes.anonymous,
      cafes_held: cafes.held,
      cafes_held_outside_paris: cafes.heldOutsideParis,
      cafes_cancelled: cafes.cancelled,
      animators_trained: animators.trained,
      animators_in_training: animators.inTraining,
      animators_capable: animators.capable,
    },
    cafes.scheduled,
    structuresActive,
    toReporting(cafes.due, cafes.reported, cafes.onTime),
  );
}
