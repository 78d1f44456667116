/**
 * The open-data table: one row per published territory (and per month when asked), as
 * `GET /public/v1/figures` answers it. Territory codes are written as in the API (`region:84`,
 * `department:69`, `epci:200046977`, `commune:69123`); the national row, when given, is `national`.
 */
export const PUBLISHED_LEVELS = ['national', 'region', 'department', 'epci', 'commune'] as const;
export type PublishedLevel = (typeof PUBLISHED_LEVELS)[number];

/**
 * The counts of people, the only figures small-cell suppression hides. `cafesHeld` and
 * `structuresActive` count events and places, not people, and are always published.
 *
 * Additivity, which decides what subtraction can reveal:
 * - `attendances` and `anonymousAttendees` are additive: a parent's value is exactly the sum of its
 *   children's (every attendance and every headcount belongs to one café, in one commune, one month).
 * - `peopleReached` is not: a person counts once per territory, so a parent is at most the sum of its
 *   children (someone who went to cafés in two communes counts once in their department). Subtraction
 *   then gives only a lower bound of a hidden child, which is its exact value as soon as nobody crossed
 *   a border, the usual case. So the suppression treats `peopleReached` as if it were additive: the
 *   attacker of an additive table knows at least as much as the attacker of this one (every equality
 *   he would use is at best an inequality here), so what protects the former protects the latter.
 */
export const PEOPLE_COUNT_FIELDS = ['peopleReached', 'attendances', 'anonymousAttendees'] as const;
export type PeopleCountField = (typeof PEOPLE_COUNT_FIELDS)[number];

export const DEFAULT_MIN_CELL = 11;

export interface TerritoryFigures {
  readonly code: string;
  readonly name: string;
  readonly level: PublishedLevel;
  /** `YYYY-MM` (Europe/Paris month of the cafés' start) for a monthly row; absent for all time. */
  readonly month?: string;
  /**
   * The codes of the published territories this one is directly counted in, in the same period:
   * a commune's department and EPCI, a department's region, a region's `national`. What the public
   * can subtract from: `publishedParents` builds it from a territory's references.
   */
  readonly partOf: readonly string[];
  readonly peopleReached: number;
  readonly attendances: number;
  readonly anonymousAttendees: number;
  readonly cafesHeld: number;
  readonly structuresActive: number;
}

/** A row as published: a hidden count is `null` and named in `suppressed` (in field order). */
export interface PublishedFigures {
  readonly code: string;
  readonly name: string;
  readonly level: PublishedLevel;
  readonly month?: string;
  readonly peopleReached: number | null;
  readonly attendances: number | null;
  readonly anonymousAttendees: number | null;
  readonly cafesHeld: number;
  readonly structuresActive: number;
  readonly suppressed: readonly PeopleCountField[];
}

export const NATIONAL_CODE = 'national';

/**
 * The published territories a territory is directly part of. A commune sums into its department and
 * its EPCI (two overlapping partitions: EPCIs may straddle departments); a department into its region;
 * a region into the national total; an EPCI's own total only sums its communes.
 */
export function publishedParents(ref: {
  readonly level: PublishedLevel;
  readonly regionCode?: string;
  readonly departmentCode?: string;
  readonly epciCode?: string | null;
}): string[] {
  switch (ref.level) {
    case 'national':
    case 'epci':
      return [];
    case 'region':
      return [NATIONAL_CODE];
    case 'department':
      return ref.regionCode ? [`region:${ref.regionCode}`] : [];
    case 'commune':
      return [
        ...(ref.departmentCode ? [`department:${ref.departmentCode}`] : []),
        ...(ref.epciCode ? [`epci:${ref.epciCode}`] : []),
      ];
  }
}
