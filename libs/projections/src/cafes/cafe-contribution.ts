import type { Place } from '../territory/territory-directory';
import { CafeView, isHeld } from './cafe-view';

/** What one café adds to the figures of the territories it belongs to. */
export interface CafeContribution {
  keys: string[];
  startsAtMs: number;
  structureId: string;
  named: number;
  anonymous: number;
  held: boolean;
  heldOutsideParis: boolean;
  cancelled: boolean;
}

/**
 * Figures are sums of contributions: any change to a café (attendance, a new headcount, a reschedule
 * across days, a cancellation) is applied as "minus its old contribution, plus its new one", which
 * keeps every count exact whatever the order of changes.
 */
export function cafeContribution(view: CafeView | null, placeOf: (communeCode: string) => Place): CafeContribution | null {
  if (!view) return null;
  const held = isHeld(view);
  return {
    keys: placeOf(view.communeCode).keys,
    startsAtMs: view.startsAtMs,
    structureId: view.structureId,
    named: view.cancelled ? 0 : view.attendedNamed,
    anonymous: view.cancelled ? 0 : view.anonymous,
    held,
    heldOutsideParis: held && view.outsideParis,
    cancelled: view.cancelled,
  };
}

/**
 * Whether a change of a café's view leaves its contribution to the figures as it was (an enrolment, a new
 * title…): consumers skip it without building two contributions.
 */
export const sameContribution = (before: CafeView | null, after: CafeView | null): boolean =>
  before !== null &&
  after !== null &&
  before.cancelled === after.cancelled &&
  before.attendedNamed === after.attendedNamed &&
  before.anonymous === after.anonymous &&
  before.startsAtMs === after.startsAtMs &&
  before.communeCode === after.communeCode &&
  before.structureId === after.structureId;
