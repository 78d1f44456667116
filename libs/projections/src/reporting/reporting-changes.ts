import { zeroCounters } from '../figures/counters';
import { REPORTING_COUNTERS, type ReportingCounters } from './reporting';
import { sameReporting, type ReportingContribution } from './reporting-contribution';

/** The reporting counter deltas of one batch, per territory key and café start instant (written as `+ delta`). */
export class ReportingChanges {
  /** `${territoryKey}|${startsAtMs}` → deltas */
  readonly rows = new Map<string, { territoryKey: string; startsAtMs: number; counters: ReportingCounters }>();

  /** moves a café's contribution from `before` to `after` */
  change(before: ReportingContribution | null, after: ReportingContribution | null): void {
    if (sameReporting(before, after)) return;
    this.add(before, -1);
    this.add(after, 1);
  }

  private add(contribution: ReportingContribution | null, sign: 1 | -1): void {
    if (!contribution) return;
    for (const territoryKey of contribution.keys) {
      const id = `${territoryKey}|${contribution.startsAtMs}`;
      let row = this.rows.get(id);
      if (!row) this.rows.set(id, (row = { territoryKey, startsAtMs: contribution.startsAtMs, counters: zeroCounters(REPORTING_COUNTERS) }));
      row.counters.cafes_live += sign * contribution.live;
      row.counters.cafes_reported += sign * contribution.reported;
      row.counters.cafes_on_time += sign * contribution.onTime;
    }
  }

  /** the same deltas summed per territory key, without those that cancel out */
  *nonZeroByKey(): Generator<{ territoryKey: string; counters: ReportingCounters }> {
    const keys = new Map<string, { territoryKey: string; counters: ReportingCounters }>();
    for (const row of this.rows.values()) {
      let sum = keys.get(row.territoryKey);
      if (!sum) keys.set(row.territoryKey, (sum = { territoryKey: row.territoryKey, counters: zeroCounters(REPORTING_COUNTERS) }));
      for (const c of REPORTING_COUNTERS) sum.counters[c] += row.counters[c];
    }
    for (const sum of keys.values()) if (REPORTING_COUNTERS.some((c) => sum.counters[c] !== 0)) yield sum;
  }

  /** the rows to add, without those whose deltas cancel out */
  *nonZero(): Generator<{ territoryKey: string; startsAtMs: number; counters: ReportingCounters }> {
    for (const row of this.rows.values()) if (REPORTING_COUNTERS.some((c) => row.counters[c] !== 0)) yield row;
  }
}
