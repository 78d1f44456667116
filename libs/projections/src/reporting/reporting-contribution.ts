import { isHeld, type CafeView } from '../cafes/cafe-view';
import type { Place } from '../territory/territory-directory';
import { REPORTING_DELAY_MS } from './reporting';

/** What one café adds to the reporting counters of its territories, at its start instant. */
export interface ReportingContribution {
  keys: string[];
  startsAtMs: number;
  live: 0 | 1;
  reported: 0 | 1;
  onTime: 0 | 1;
}

/**
 * Due-ness depends on "now", so the counters are kept per start instant and summed at read time over the starts
 * more than 7 days old. Reported = has an attendance now (what `cafesHeld` counts); on time = reported, and its
 * first attendance was recorded at most 7 days after its (current) start.
 */
export function reportingContribution(view: CafeView | null, placeOf: (communeCode: string) => Place): ReportingContribution | null {
  if (!view || view.cancelled) return null;
  const reported = isHeld(view);
  const onTime = reported && view.firstAttendanceAtMs !== null && view.firstAttendanceAtMs <= view.startsAtMs + REPORTING_DELAY_MS;
  return { keys: placeOf(view.communeCode).keys, startsAtMs: view.startsAtMs, live: 1, reported: reported ? 1 : 0, onTime: onTime ? 1 : 0 };
}

export const sameReporting = (a: ReportingContribution | null, b: ReportingContribution | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.keys === b.keys && a.startsAtMs === b.startsAtMs && a.live === b.live && a.reported === b.reported && a.onTime === b.onTime);
