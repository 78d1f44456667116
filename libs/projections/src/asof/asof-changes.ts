import { FigureChanges } from '../figures/figure-changes';
import { NATION } from '../territory/territory-directory';
import { ReportingChanges } from '../reporting/reporting-changes';

const comparePositions = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** One batch's deltas, per recorded Paris day. */
export class AsOfChanges {
  readonly figures = new Map<number, FigureChanges>();
  readonly cafes = new Map<number, ReportingChanges>();
  /** highest position per recorded day */
  readonly positions = new Map<number, string>();
  /** territory key → first recorded day with a café or an animator there */
  readonly activity = new Map<string, number>();
  /** `${territoryKey}|${day}` → [territoryKey, day, people] */
  readonly targets = new Map<string, [string, number, number]>();

  figuresOn(day: number): FigureChanges {
    let changes = this.figures.get(day);
    if (!changes) this.figures.set(day, (changes = new FigureChanges()));
    return changes;
  }

  cafesOn(day: number): ReportingChanges {
    let changes = this.cafes.get(day);
    if (!changes) this.cafes.set(day, (changes = new ReportingChanges()));
    return changes;
  }

  recorded(day: number, position: string): void {
    const last = this.positions.get(day);
    if (last === undefined || comparePositions(position, last) > 0) this.positions.set(day, position);
  }

  active(keys: readonly string[], day: number): void {
    for (const key of keys) {
      const first = this.activity.get(key);
      if (first === undefined || day < first) this.activity.set(key, day);
    }
  }

  /** national people reached per (start, day): first people and anonymous headcounts of the nation's start rows */
  *reachRows(): Generator<[number, number, number]> {
    for (const [day, changes] of this.figures) {
      for (const [startsAtMs, c] of changes.starts.get(NATION) ?? []) {
        const people = c.first_people + c.anonymous;
        if (people !== 0) yield [startsAtMs, day, people];
      }
    }
  }
}
