/**
 * One café as the audit sees it: its stream folded with the write side's own `evolveCafe` (so counts mean
 * exactly what the write side enforces), plus the facts its anomalies need (when attendance was recorded,
 * whether the café moved after attendance).
 */
import { cafeSummary, evolveCafe, initialCafeState, isCafeEvent, attendanceRecorded, type CafeState } from '@cafeia/domain';
import type { AuditCafe, CafeAnomaly } from './audit-report';
import type { AuditedEvent } from './audited-event';
import { parisDateOf, parisLongDateOf } from '@cafeia/paris-time';

const DAY_MS = 86_400_000;

export const LATE_RECORDING_DAYS = 30;
export const UNREPORTED_AFTER_DAYS = 7;
export const PLAUSIBLE_ATTENDANCE = { min: 3, max: 200 } as const;

/** A café folded from its events, before it is placed in a report. */
export interface CafeFacts {
  cafe: AuditCafe;
  structureId: string;
  startsAtMs: number;
  /** named attendees, for distinct participants */
  participantIds: ReadonlySet<string>;
}

interface LateRecording {
  eventId: string;
  days: number;
  recordedAtMs: number;
  endedAtMs: number;
}

interface LateMove {
  eventId: string;
  from: string;
  to: string;
}

const endMs = (state: Exclude<CafeState, { status: 'unscheduled' }>): number => Date.parse(state.endsAt ?? state.startsAt);

/** `null` for a stream without a CafeScheduled among the events used */
export function auditCafe(events: readonly AuditedEvent[], reportAtMs: number): CafeFacts | null {
  let state: CafeState = initialCafeState();
  const late: LateRecording[] = [];
  const movedAfterAttendance: LateMove[] = [];
  for (const { stored, event, recordedAtMs } of events) {
    if (!isCafeEvent(event)) continue;
    if (state.status !== 'unscheduled') {
      if (event.type === 'AttendanceRecorded' || event.type === 'AnonymousHeadcountDeclared') {
        // measured from the end of the café as it was scheduled when the attendance came in
        const delay = recordedAtMs - endMs(state);
        if (delay > LATE_RECORDING_DAYS * DAY_MS) late.push({ eventId: stored.eventId, days: Math.floor(delay / DAY_MS), recordedAtMs, endedAtMs: endMs(state) });
      }
      if (event.type === 'CafeRescheduled' && (event.data.afterAttendance || attendanceRecorded(state))) {
        movedAfterAttendance.push({ eventId: stored.eventId, from: state.startsAt, to: event.data.startsAt });
      }
    }
    state = evolveCafe(state, event);
  }
  const summary = cafeSummary(state);
  if (state.status === 'unscheduled' || summary === null) return null;

  const { enrolled, attendedNamed, anonymous, attendances } = summary.counts;
  const capacity = state.scheduled.capacity;
  const anomalies: CafeAnomaly[] = [];
  const attendanceEventIds = events
    .filter(({ event }) => event.type === 'AttendanceRecorded' || event.type === 'AnonymousHeadcountDeclared')
    .map(({ stored }) => stored.eventId);

  if (capacity !== null && attendances > capacity) {
    anomalies.push({
      code: 'attendance_above_capacity',
      message: `${attendances} people attended (named and anonymous) but the café had room for ${capacity}.`,
      messageFr: `${attendances} présences (nominatives et anonymes) pour une capacité de ${capacity} places.`,
      eventIds: attendanceEventIds,
    });
  }
  if (late.length > 0) {
    const latest = late.reduce((a, b) => (b.days > a.days ? b : a));
    const more = late.length > 1 ? ` (${late.length} late recordings in all)` : '';
    anomalies.push({
      code: 'attendance_recorded_late',
      message: `Attendance was recorded on ${parisDateOf(latest.recordedAtMs)}, ${latest.days} days after the café ended on ${parisDateOf(latest.endedAtMs)} (the limit is ${LATE_RECORDING_DAYS} days)${more}.`,
      messageFr: `Présences saisies le ${parisLongDateOf(latest.recordedAtMs)}, ${latest.days} jours après la fin du café le ${parisLongDateOf(latest.endedAtMs)} (la limite est de ${LATE_RECORDING_DAYS} jours)${late.length > 1 ? ` (${late.length} saisies tardives en tout)` : ''}.`,
      eventIds: late.map((l) => l.eventId),
    });
  }
  if (summary.status !== 'cancelled' && anonymous > 0 && attendedNamed === 0 && enrolled > 0) {
    anomalies.push({
      code: 'headcount_without_named_attendees',
      message: `An anonymous headcount of ${anonymous} was declared, but none of the ${enrolled} people enrolled was recorded as attending by name.`,
      messageFr: `${anonymous} personnes comptées sans contact, mais aucune des ${enrolled} personnes inscrites n’a été enregistrée présente par son nom.`,
      eventIds: attendanceEventIds,
    });
  }
  for (const move of movedAfterAttendance) {
    anomalies.push({
      code: 'rescheduled_after_attendance',
      message: `The café was moved from ${parisDateOf(Date.parse(move.from))} to ${parisDateOf(Date.parse(move.to))} after attendance had been recorded.`,
      messageFr: `Le café a été déplacé du ${parisLongDateOf(Date.parse(move.from))} au ${parisLongDateOf(Date.parse(move.to))} après la saisie des présences.`,
      eventIds: [move.eventId],
    });
  }
  if (summary.status === 'scheduled' && endMs(state) + UNREPORTED_AFTER_DAYS * DAY_MS < reportAtMs) {
    anomalies.push({
      code: 'attendance_unreported',
      message: `The café ended on ${parisDateOf(endMs(state))} and no attendance had been reported ${UNREPORTED_AFTER_DAYS} days later.`,
      messageFr: `Le café s’est terminé le ${parisLongDateOf(endMs(state))} et aucune présence n’avait été saisie ${UNREPORTED_AFTER_DAYS} jours plus tard.`,
      eventIds: [],
    });
  }
  if (summary.status === 'held' && (attendances < PLAUSIBLE_ATTENDANCE.min || attendances > PLAUSIBLE_ATTENDANCE.max)) {
    anomalies.push({
      code: 'attendance_implausible',
      message: `${attendances} ${attendances === 1 ? 'person' : 'people'} attended: outside the plausible range of a café (${PLAUSIBLE_ATTENDANCE.min} to ${PLAUSIBLE_ATTENDANCE.max} people).`,
      messageFr: `${attendances} ${attendances === 1 ? 'présence' : 'présences'} : en dehors de ce qui est plausible pour un café (de ${PLAUSIBLE_ATTENDANCE.min} à ${PLAUSIBLE_ATTENDANCE.max} personnes).`,
      eventIds: attendanceEventIds,
    });
  }

  return {
    structureId: state.scheduled.structureId,
    startsAtMs: Date.parse(state.startsAt),
    participantIds: new Set(state.attended.keys()),
    cafe: {
      cafeId: state.scheduled.cafeId,
      title: state.scheduled.title,
      startsAt: state.startsAt,
      endsAt: state.endsAt,
      communeCode: state.scheduled.communeCode,
      capacity,
      status: summary.status,
      enrolled,
      attendedNamed,
      anonymous,
      attendances,
      anomalies,
    },
  };
}
