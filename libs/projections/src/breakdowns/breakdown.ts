import type { TerritoryRef } from '../queries/territory-filter';

export const BREAKDOWN_BY = ['format', 'audience', 'online', 'structureKind', 'month'] as const;
export type BreakdownBy = (typeof BREAKDOWN_BY)[number];

export interface BreakdownQuery {
  by: BreakdownBy;
  /** 'region:84', 'epci:200046977'… */
  territory?: string | TerritoryRef;
  /** the cafés of the network's current member structures */
  networkId?: string;
  /** a caller's scope (an organizer's structures, a network role's members): only cafés of these structures */
  structureIds?: string[];
  /** on `startsAt`: a date (YYYY-MM-DD, from the start of that Paris day) or an instant */
  from?: string;
  /** on `startsAt`: a date (YYYY-MM-DD, through the end of that Paris day) or an instant (inclusive) */
  to?: string;
}

/** the figures of a breakdown item: the additive ones add up to the total, people count once per item */
export interface BreakdownFigures {
  attendances: number;
  distinctParticipants: number;
  anonymousAttendees: number;
  peopleReached: number;
  cafesHeld: number;
  cafesCancelled: number;
}

export interface BreakdownItem {
  /**
   * the format or audience as written, `online` / `in_person`, the structure kind, `YYYY-MM` (Paris); null for
   * cafés with no audience, or whose structure's registration is not known yet (`structureKind`)
   */
  key: string | null;
  figures: BreakdownFigures;
}

/** the body of `GET /v1/breakdowns` (without `asOf`) */
export interface Breakdown {
  by: BreakdownBy;
  items: BreakdownItem[];
  total: BreakdownFigures;
}

export const breakdownFigures = (named: number, anonymous: number, distinct: number, held: number, cancelled: number): BreakdownFigures => ({
  attendances: named + anonymous,
  distinctParticipants: distinct,
  anonymousAttendees: anonymous,
  peopleReached: distinct + anonymous,
  cafesHeld: held,
  cafesCancelled: cancelled,
});
