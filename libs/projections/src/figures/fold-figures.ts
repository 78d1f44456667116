import { animatorContribution } from '../animators/animator-view';
import { isAnimatorChanged } from '../animators/animators.read-model';
import { cafeContribution, sameContribution } from '../cafes/cafe-contribution';
import { isCafeChanged } from '../cafes/cafes.read-model';
import type { Message } from '../engine/read-model';
import { attendMoves, reachContribution } from '../reach/participant-reach';
import { isReachChanged } from '../reach/reach.read-model';
import type { Place } from '../territory/territory-directory';
import type { FigureChanges } from './figure-changes';

/** the messages the territory figures fold */
export const FIGURE_MESSAGES = ['CafeChanged', 'ReachChanged', 'AnimatorChanged'] as const;

/**
 * Folds one change into the figure deltas: the live figures and the figures by recorded day (as of a date) fold
 * the same way, only into different tables.
 */
export function foldFigures(changes: FigureChanges, message: Message, placeOf: (communeCode: string) => Place): void {
  if (isCafeChanged(message)) {
    if (sameContribution(message.before, message.after)) return;
    changes.cafeChange(cafeContribution(message.before, placeOf), cafeContribution(message.after, placeOf));
  } else if (isReachChanged(message)) {
    // one more café attended (the hot path of a rebuild): only that café's territories can move
    if (message.attended) changes.firstMoves(attendMoves(message.before, message.attended, placeOf).moves);
    else changes.reach(reachContribution(message.before, placeOf), reachContribution(message.after, placeOf));
  } else if (isAnimatorChanged(message)) {
    changes.animator(animatorContribution(message.before, placeOf), -1);
    changes.animator(animatorContribution(message.after, placeOf), 1);
  }
}
