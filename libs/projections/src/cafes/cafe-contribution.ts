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
