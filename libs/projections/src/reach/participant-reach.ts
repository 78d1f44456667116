import type { Place } from '../territory/territory-directory';

/** [cafeId, startsAtMs, communeCode as given, structureId] of one café a person attended */
export type AttendedCafe = readonly [cafeId: string, startsAtMs: number, communeCode: string, structureId: string];

/** Everything needed to count a person exactly once per territory: the cafés they attended. */
export interface ParticipantReach {
  participantId: string;
  attended: AttendedCafe[];
}

export const emptyReach = (participantId: string): ParticipantReach => ({ participantId, attended: [] });

/** Records that the person attended that café (a second record of the same café changes nothing). */
export function attend(reach: ParticipantReach, cafe: { cafeId: string; startsAtMs: number; communeCode: string; structureId: string }): ParticipantReach {
  if (reach.attended.some(([cafeId]) => cafeId === cafe.cafeId)) return reach;
  return { ...reach, attended: [...reach.attended, [cafe.cafeId, cafe.startsAtMs, cafe.communeCode, cafe.structureId]] };
}

/** A rescheduled café moves in time: the person's first café in a territory may change. */
export function moveCafe(reach: ParticipantReach, cafeId: string, startsAtMs: number): ParticipantReach {
  let moved = false;
  const attended = reach.attended.map((entry): AttendedCafe => {
    if (entry[0] !== cafeId || entry[1] === startsAtMs) return entry;
    moved = true;
    return [entry[0], startsAtMs, entry[2], entry[3]];
  });
  return moved ? { ...reach, attended } : reach;
}

/** Where a person counts: for each territory, the start of their first attended café there; and their structures. */
export interface ReachContribution {
  firsts: Map<string, number>;
  structures: Set<string>;
}

export function reachContribution(reach: ParticipantReach | null, placeOf: (communeCode: string) => Place): ReachContribution {
  const firsts = new Map<string, number>();
  const structures = new Set<string>();
  if (!reach) return { firsts, structures };
  for (const [, startsAtMs, communeCode, structureId] of reach.attended) {
    structures.add(structureId);
    for (const key of placeOf(communeCode).keys) {
      const first = firsts.get(key);
      if (first === undefined || startsAtMs < first) firsts.set(key, startsAtMs);
    }
  }
  return { firsts, structures };
}

/** How recording one more café moves a person's firsts: only the territories of that café can change. */
export interface FirstMove {
  key: string;
  /** their first café start there before, undefined when they had never attended there */
  from: number | undefined;
  to: number;
}

/**
 * The change `attend(reach, cafe)` makes to `reachContribution`, computed directly: O(cafés attended × 4)
 * with no intermediate maps (the hot path of a rebuild: millions of attendances).
 */
export function attendMoves(
  reach: ParticipantReach,
  cafe: { startsAtMs: number; communeCode: string; structureId: string },
  placeOf: (communeCode: string) => Place,
): { moves: FirstMove[]; newStructure: boolean } {
  const keys = placeOf(cafe.communeCode).keys;
  const moves: FirstMove[] = [];
  for (const key of keys) {
    let first: number | undefined;
    for (const [, startsAtMs, communeCode] of reach.attended) {
      if ((first === undefined || startsAtMs < first) && placeOf(communeCode).keys.includes(key)) first = startsAtMs;
    }
    if (first === undefined || cafe.startsAtMs < first) moves.push({ key, from: first, to: cafe.startsAtMs });
  }
  return { moves, newStructure: !reach.attended.some((entry) => entry[3] === cafe.structureId) };
}
