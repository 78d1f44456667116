/** The shape of `GET /v1/fundings/{id}/audit` (API.md "Audit report"), extended with a few fields. */
import type { FunderKind } from '@cafeia/domain';

/**
 * API.md "Figures" restricted to the report's cafés. The animator figures are always `null` here: the
 * audit covers the cafés of the supported structures, and animators are not part of a funding's evidence.
 */
export interface AuditFigures {
  attendances: number;
  distinctParticipants: number;
  anonymousAttendees: number;
  peopleReached: number;
  cafesHeld: number;
  cafesScheduled: number;
  cafesCancelled: number;
  structuresActive: number;
  shareOutsideParis: number | null;
  animatorsTrained: null;
  animatorsInTraining: null;
  shareTrainedCapable: null;
}

export const ANOMALY_CODES = [
  'attendance_above_capacity',
  'attendance_recorded_late',
  'headcount_without_named_attendees',
  'rescheduled_after_attendance',
  'attendance_unreported',
  'attendance_implausible',
] as const;
export type AnomalyCode = (typeof ANOMALY_CODES)[number];

export interface CafeAnomaly {
  code: AnomalyCode;
  /** a sentence for a person */
  message: string;
  /** the same sentence in French, for funders' auditors and the web app */
  messageFr: string;
  /** the events that show it (empty when it is an absence, e.g. unreported attendance) */
  eventIds: string[];
}

export interface AuditAnomaly extends CafeAnomaly {
  structureId: string;
  cafeId: string;
  cafeTitle: string;
}

export type AuditCafeStatus = 'scheduled' | 'held' | 'cancelled';

export interface AuditCafe {
  cafeId: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  communeCode: string;
  capacity: number | null;
  status: AuditCafeStatus;
  /** active enrolments */
  enrolled: number;
  attendedNamed: number;
  anonymous: number;
  /** attendedNamed + anonymous */
  attendances: number;
  anomalies: CafeAnomaly[];
}

export interface AuditStructure {
  structureId: string;
  /** null when the structure's registration is not among the events used (e.g. recorded after asOf) */
  name: string | null;
  communeCode: string | null;
  cafes: AuditCafe[];
  figures: AuditFigures;
}

export interface TargetProgress {
  target: number | null;
  /** reached ÷ target; null without a (positive) target */
  progress: number | null;
}

export interface AuditReport {
  funding: {
    fundingId: string;
    funderId: string;
    structureIds: string[];
    from: string;
    to: string;
    amountEuros: number | null;
    targets: { people: number | null; cafes: number | null };
  };
  funder: { funderId: string; name: string; kind: FunderKind } | null;
  period: {
    from: string;
    to: string;
    timeZone: string;
    /** a café is in the period when startsAtFrom ≤ startsAt < startsAtBefore */
    startsAtFrom: string;
    startsAtBefore: string;
  };
  /**
   * `date`: the `asOf` asked for (null: everything recorded so far); `at`: the "now" the report was
   * computed at (the end of that day in Paris, or the clock if earlier); `position`: the highest global
   * position among the events used.
   */
  asOf: { date: string | null; at: string; position: string | null };
  structures: AuditStructure[];
  figures: AuditFigures;
  targets: {
    people: TargetProgress & { reached: number };
    cafes: TargetProgress & { held: number };
  };
  anomalies: AuditAnomaly[];
  evidence: {
    /** how many events the report was computed from */
    events: number;
    /** how many streams they come from */
    streams: number;
    algorithm: 'sha256';
    /** sha256 hex of canonicalJson([{streamId, streamVersion, eventId, chainHash}…]) sorted by (streamId, streamVersion) */
    digest: string;
  };
}
