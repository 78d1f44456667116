import type { AnimatorContribution } from '../animators/animator-view';
import type { CafeContribution } from '../cafes/cafe-contribution';
import type { FirstMove, ReachContribution } from '../reach/participant-reach';
import { DAY_MS } from '../queries/calendar';
import { START_COUNTERS, StartCounters, TERRITORY_COUNTERS, TerritoryCounters, zeroCounters } from './counters';

const b = (flag: boolean): number => (flag ? 1 : 0);

/**
 * The territory figure changes of one batch, as deltas: every counter table is written back with
 * `value = value + delta` (one multi-row upsert per table), so no counter row needs to be read first
 * and concurrent writers (one Kafka consumer per partition) cannot lose an update.
 */
export class FigureChanges {
  readonly territories = new Map<string, TerritoryCounters>();
  /** territory key → café start instant → counters */
  readonly starts = new Map<string, Map<number, StartCounters>>();
  /** key `${territoryKey}|${structureId}` → held cafés delta */
  readonly structureTerritories = new Map<string, { territoryKey: string; structureId: string; cafesHeld: number }>();
  /** key `${territoryKey}|${day}` → delta of the cafés (not cancelled) starting that UTC day */
  readonly cafesByDay = new Map<string, { territoryKey: string; day: number; cafes: number }>();

  private scheduled(territoryKey: string, startsAtMs: number, delta: number): void {
    const day = Math.floor(startsAtMs / DAY_MS);
    const id = `${territoryKey}|${day}`;
    const entry = this.cafesByDay.get(id);
    if (entry) entry.cafes += delta;
    else this.cafesByDay.set(id, { territoryKey, day, cafes: delta });
  }

  /** the start rows summed per UTC day (what `reach_by_day` adds) */
  dayRows(): { territoryKey: string; day: number; counters: StartCounters }[] {
    const out = new Map<string, { territoryKey: string; day: number; counters: StartCounters }>();
    for (const { territoryKey, startsAtMs, counters } of this.startRows()) {
      const day = Math.floor(startsAtMs / DAY_MS);
      const id = `${territoryKey}|${day}`;
      let row = out.get(id);
      if (!row) out.set(id, (row = { territoryKey, day, counters: zeroCounters(START_COUNTERS) }));
      for (const column of START_COUNTERS) row.counters[column] += counters[column];
    }
    return [...out.values()];
  }

  private territory(key: string): TerritoryCounters {
    let counters = this.territories.get(key);
    if (!counters) this.territories.set(key, (counters = zeroCounters(TERRITORY_COUNTERS)));
    return counters;
  }

  private start(territoryKey: string, startsAtMs: number): StartCounters {
    let byStart = this.starts.get(territoryKey);
    if (!byStart) this.starts.set(territoryKey, (byStart = new Map()));
    let counters = byStart.get(startsAtMs);
    if (!counters) byStart.set(startsAtMs, (counters = zeroCounters(START_COUNTERS)));
    return counters;
  }

  *startRows(): Generator<{ territoryKey: string; startsAtMs: number; counters: StartCounters }> {
    for (const [territoryKey, byStart] of this.starts) for (const [startsAtMs, counters] of byStart) yield { territoryKey, startsAtMs, counters };
  }

  private structureTerritory(territoryKey: string, structureId: string): { cafesHeld: number } {
    const id = `${territoryKey}|${structureId}`;
    let entry = this.structureTerritories.get(id);
    if (!entry) this.structureTerritories.set(id, (entry = { territoryKey, structureId, cafesHeld: 0 }));
    return entry;
  }

  /** a person's first café moved (or appeared) in some territories */
  firstMoves(moves: FirstMove[]): void {
    for (const { key, from, to } of moves) {
      if (from === undefined) this.territory(key).distinct_participants += 1;
      else this.start(key, from).first_people -= 1;
      this.start(key, to).first_people += 1;
    }
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
      if (cancelled !== 0) this.scheduled(key, after.startsAtMs, -cancelled);
      if (named !== 0 || anonymous !== 0 || held !== 0) {
        const s = this.start(key, after.startsAtMs);
        s.attendances_named += named;
        s.anonymous += anonymous;
        s.cafes_held += held;
      }
      if (held !== 0) this.structureTerritory(key, after.structureId).cafesHeld += held;
    }
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
      if (!cancelled) this.scheduled(key, startsAtMs, sign);
      if (named !== 0 || anonymous !== 0 || held) {
        const s = this.start(key, startsAtMs);
        s.attendances_named += sign * named;
        s.anonymous += sign * anonymous;
        s.cafes_held += sign * b(held);
      }
      if (held) this.structureTerritory(key, structureId).cafesHeld += sign;
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
