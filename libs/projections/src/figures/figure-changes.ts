import type { AnimatorContribution } from '../animators/animator-view';
import type { CafeContribution } from '../cafes/cafe-contribution';
import type { FirstMove, ReachContribution } from '../reach/participant-reach';

export interface TerritoryCounters {
  attendances_named: number;
  distinct_participants: number;
  anonymous: number;
  cafes_held: number;
  cafes_held_outside_paris: number;
  cafes_cancelled: number;
  animators_trained: number;
  animators_in_training: number;
  animators_capable: number;
}

export interface StartCounters {
  first_people: number;
  anonymous: number;
  attendances_named: number;
  cafes_held: number;
}

export interface StructureCounters {
  cafes_held: number;
  anonymous: number;
  distinct_named: number;
}

const zeroTerritory = (): TerritoryCounters => ({
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
const zeroStart = (): StartCounters => ({ first_people: 0, anonymous: 0, attendances_named: 0, cafes_held: 0 });
const zeroStructure = (): StructureCounters => ({ cafes_held: 0, anonymous: 0, distinct_named: 0 });

const b = (flag: boolean): number => (flag ? 1 : 0);

export const isZero = (counters: object): boolean => Object.values(counters).every((v) => v === 0);

/**
 * The figure changes of one batch, as deltas: every counter table is written back with
 * `value = value + delta` (one multi-row upsert per table), so no counter row needs to be read first
 * and concurrent writers (one Kafka consumer per partition) cannot lose an update.
 */
export class FigureChanges {
  readonly territories = new Map<string, TerritoryCounters>();
  /** territory key → café start instant → counters */
  readonly starts = new Map<string, Map<number, StartCounters>>();
  /** key `${territoryKey}|${structureId}` → held cafés delta */
  readonly structureTerritories = new Map<string, { territoryKey: string; structureId: string; cafesHeld: number }>();
  readonly structures = new Map<string, StructureCounters>();

  private territory(key: string): TerritoryCounters {
    let counters = this.territories.get(key);
    if (!counters) this.territories.set(key, (counters = zeroTerritory()));
    return counters;
  }

  private start(territoryKey: string, startsAtMs: number): StartCounters {
    let byStart = this.starts.get(territoryKey);
    if (!byStart) this.starts.set(territoryKey, (byStart = new Map()));
    let counters = byStart.get(startsAtMs);
    if (!counters) byStart.set(startsAtMs, (counters = zeroStart()));
    return counters;
  }

  *startRows(): Generator<{ territoryKey: string; startsAtMs: number; counters: StartCounters }> {
    for (const [territoryKey, byStart] of this.starts) for (const [startsAtMs, counters] of byStart) yield { territoryKey, startsAtMs, counters };
  }

  /** a person's first café moved (or appeared) in some territories, and maybe a new structure reached them */
  firstMoves(moves: FirstMove[], newStructureId: string | null): void {
    for (const { key, from, to } of moves) {
      if (from === undefined) this.territory(key).distinct_participants += 1;
      else this.start(key, from).first_people -= 1;
      this.start(key, to).first_people += 1;
    }
    if (newStructureId !== null) this.structure(newStructureId).distinct_named += 1;
  }

  private structure(structureId: string): StructureCounters {
    let counters = this.structures.get(structureId);
    if (!counters) this.structures.set(structureId, (counters = zeroStructure()));
    return counters;
  }

  /**
   * moves a café's contribution from `before` to `after`. When the café stays where and when it was (the
   * common case: an attendance, an enrolment), only the differences are added, once per territory.
   */
  cafeChange(before: CafeContribution | null, after: CafeContribution | null): void {
    if (!before || !after || before.startsAtMs !== after.startsAtMs || before.keys !== after.keys || before.structureId !== after.structureId) {
      this.cafe(before, -1);
      this.cafe(after, 1);
      return;
    }
    const named = after.named - before.named;
    const anonymous = after.anonymous - before.anonymous;
    const held = b(after.held) - b(before.held);
    const outside = b(after.heldOutsideParis) - b(before.heldOutsideParis);
    const cancelled = b(after.cancelled) - b(before.cancelled);
    if (named === 0 && anonymous === 0 && held === 0 && outside === 0 && cancelled === 0) return;
    for (const key of after.keys) {
      const t = this.territory(key);
      t.attendances_named += named;
      t.anonymous += anonymous;
      t.cafes_held += held;
      t.cafes_held_outside_paris += outside;
      t.cafes_cancelled += cancelled;
      if (named !== 0 || anonymous !== 0 || held !== 0) {
        const s = this.start(key, after.startsAtMs);
        s.attendances_named += named;
        s.anonymous += anonymous;
        s.cafes_held += held;
      }
      if (held !== 0) this.structureTerritory(key, after.structureId).cafesHeld += held;
    }
    if (held !== 0 || anonymous !== 0) {
      const s = this.structure(after.structureId);
      s.cafes_held += held;
      s.anonymous += anonymous;
    }
  }

  private structureTerritory(territoryKey: string, structureId: string): { cafesHeld: number } {
    const id = `${territoryKey}|${structureId}`;
    let entry = this.structureTerritories.get(id);
    if (!entry) this.structureTerritories.set(id, (entry = { territoryKey, structureId, cafesHeld: 0 }));
    return entry;
  }

  /** adds (sign 1) or removes (sign -1) a café's contribution */
  cafe(contribution: CafeContribution | null, sign: 1 | -1): void {
    if (!contribution) return;
    const { keys, startsAtMs, structureId, named, anonymous, held, heldOutsideParis, cancelled } = contribution;
    for (const key of keys) {
      const t = this.territory(key);
      t.attendances_named += sign * named;
      t.anonymous += sign * anonymous;
      t.cafes_held += sign * b(held);
      t.cafes_held_outside_paris += sign * b(heldOutsideParis);
      t.cafes_cancelled += sign * b(cancelled);
      if (named !== 0 || anonymous !== 0 || held) {
        const s = this.start(key, startsAtMs);
        s.attendances_named += sign * named;
        s.anonymous += sign * anonymous;
        s.cafes_held += sign * b(held);
      }
      if (held) this.structureTerritory(key, structureId).cafesHeld += sign;
    }
    if (held || anonymous !== 0) {
      const s = this.structure(structureId);
      s.cafes_held += sign * b(held);
      s.anonymous += sign * anonymous;
    }
  }

  /** moves a person's reach from `before` to `after`: a territory counts them once, at their first café there */
  reach(before: ReachContribution, after: ReachContribution): void {
    for (const [key, first] of before.firsts) {
      if (after.firsts.get(key) === first) continue;
      this.territory(key).distinct_participants -= 1;
      this.start(key, first).first_people -= 1;
    }
    for (const [key, first] of after.firsts) {
      if (before.firsts.get(key) === first) continue;
      this.territory(key).distinct_participants += 1;
      this.start(key, first).first_people += 1;
    }
    for (const structureId of before.structures) if (!after.structures.has(structureId)) this.structure(structureId).distinct_named -= 1;
    for (const structureId of after.structures) if (!before.structures.has(structureId)) this.structure(structureId).distinct_named += 1;
  }

  animator(contribution: AnimatorContribution | null, sign: 1 | -1): void {
    if (!contribution) return;
    for (const key of contribution.keys) {
      const t = this.territory(key);
      t.animators_trained += sign * contribution.trained;
      t.animators_in_training += sign * contribution.inTraining;
      t.animators_capable += sign * contribution.capable;
    }
  }
}
