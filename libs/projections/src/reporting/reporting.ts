import type { CounterRow } from '../figures/counters';

/** API.md "Reporting completeness": a café is due 7 days after it starts, and reported on time within them. */
export const REPORTING_DELAY_MS = 7 * 86_400_000;

/** per territory and café start instant: cafés not cancelled, those with an attendance, those reported on time */
export const REPORTING_COUNTERS = ['cafes_live', 'cafes_reported', 'cafes_on_time'] as const;
export type ReportingCounters = CounterRow<typeof REPORTING_COUNTERS>;

export interface Reporting {
  /** cafés not cancelled whose start is more than 7 days before now */
  cafesDue: number;
  /** due cafés with an attendance (named or anonymous) */
  cafesReported: number;
  /** due cafés with an attendance whose first attendance was recorded at most 7 days after the start */
  cafesReportedOnTime: number;
  /** reported ÷ due, null when nothing is due */
  completeness: number | null;
  /** on time ÷ due, null when nothing is due */
  timeliness: number | null;
}

/** the reporting of cafés counted by `cafesDue`, `cafesReported`, `cafesReportedOnTime` */
export function toReporting(due: number, reported: number, onTime: number): Reporting {
  return {
    cafesDue: due,
    cafesReported: reported,
    cafesReportedOnTime: onTime,
    completeness: due === 0 ? null : reported / due,
    timeliness: due === 0 ? null : onTime / due,
  };
}

export const noReporting = (): Reporting => toReporting(0, 0, 0);

/** cafés starting strictly before this instant are due at `nowMs` */
export const dueBefore = (nowMs: number): number => nowMs - REPORTING_DELAY_MS;
