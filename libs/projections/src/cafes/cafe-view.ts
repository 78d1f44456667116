import { cafeStatus as statusOf, isHeld as heldRule, type CafeEvent, type CafeStatus } from '@cafeia/domain';
import { parisMonthOf } from '@cafeia/paris-time';
import type { Place } from '../territory/territory-directory';

/** the events of a café's stream, as the domain defines them */
export type { CafeEvent };

export const CAFE_EVENT_TYPES: ReadonlySet<string> = new Set<CafeEvent['type']>([
  'CafeScheduled',
  'CafeRescheduled',
  'CafeCancelled',
  'ParticipantEnrolled',
  'EnrolmentCancelled',
  'AttendanceRecorded',
  'AnonymousHeadcountDeclared',
]);

/** One row of the cafés directory. */
export interface CafeView {
  cafeId: string;
  structureId: string;
  title: string;
  format: string;
  /** as given (with its offset) */
  startsAt: string;
  startsAtMs: number;
  /** the Paris month of the start (YYYY-MM), what `breakdown({by: 'month'})` groups by */
  startsMonth: string;
  endsAt: string | null;
  /** as given: may be a municipal arrondissement */
  communeCode: string;
  /** the commune it counts toward, its department and region */
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
  outsideParis: boolean;
  capacity: number | null;
  audience: string | null;
  online: boolean;
  animatorIds: string[];
  scheduledAt: string;
  cancelled: boolean;
  cancellationReason: string | null;
  cancelledAt: string | null;
  /** active enrolments */
  enrolled: number;
  attendedNamed: number;
  anonymous: number;
  /** when its first attendance (named, or a headcount above 0) was recorded (`at` of that event): timeliness */
  firstAttendanceAtMs: number | null;
  rescheduledAfterAttendance: boolean;
}

export const instantMs = (instant: string): number => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`invalid instant in event: ${instant}`);
  return ms;
};

/**
 * The café directory's evolve: pure, one case per event. Returns the same object when the event
 * changes nothing (the engine then skips the write and the figure update).
 */
export function evolveCafe(view: CafeView | null, event: CafeEvent, placeOf: (communeCode: string) => Place): CafeView | null {
  if (event.type === 'CafeScheduled') {
    if (view) return view; // a café is scheduled once; a duplicate changes nothing
    const d = event.data;
    const place = placeOf(d.communeCode);
    return {
      cafeId: d.cafeId,
      structureId: d.structureId,
      title: d.title,
      format: d.format,
      startsAt: d.startsAt,
      startsAtMs: instantMs(d.startsAt),
      startsMonth: parisMonthOf(instantMs(d.startsAt)),
      endsAt: d.endsAt,
      communeCode: d.communeCode,
      commune: place.commune,
      department: place.department,
      region: place.region,
      epci: place.epci,
      outsideParis: place.outsideParis,
      capacity: d.capacity,
      audience: d.audience,
      online: d.online,
      animatorIds: [...d.animatorIds],
      scheduledAt: d.scheduledAt,
      cancelled: false,
      cancellationReason: null,
      cancelledAt: null,
      enrolled: 0,
      attendedNamed: 0,
      anonymous: 0,
      firstAttendanceAtMs: null,
      rescheduledAfterAttendance: false,
    };
  }
  if (!view) return view; // an event about a café we never saw scheduled: nothing to attach it to
  switch (event.type) {
    case 'CafeRescheduled':
      return {
        ...view,
        startsAt: event.data.startsAt,
        startsAtMs: instantMs(event.data.startsAt),
        startsMonth: parisMonthOf(instantMs(event.data.startsAt)),
        endsAt: event.data.endsAt,
        rescheduledAfterAttendance: view.rescheduledAfterAttendance || event.data.afterAttendance,
      };
    case 'CafeCancelled':
      return view.cancelled ? view : { ...view, cancelled: true, cancellationReason: event.data.reason, cancelledAt: event.data.at };
    case 'ParticipantEnrolled':
      return { ...view, enrolled: view.enrolled + 1 };
    case 'EnrolmentCancelled':
      return { ...view, enrolled: Math.max(0, view.enrolled - 1) };
    case 'AttendanceRecorded':
      return { ...view, attendedNamed: view.attendedNamed + 1, firstAttendanceAtMs: view.firstAttendanceAtMs ?? instantMs(event.data.at) };
    case 'AnonymousHeadcountDeclared':
      // the headcount replaces the previous one: the figures move by the difference
      if (view.anonymous === event.data.count) return view;
      return {
        ...view,
        anonymous: event.data.count,
        // the first report stays the first, even if a later headcount takes it back to 0
        firstAttendanceAtMs: view.firstAttendanceAtMs ?? (event.data.count > 0 ? instantMs(event.data.at) : null),
      };
  }
}

/** the domain's rule (`@cafeia/domain` held.ts), on a view */
export const isHeld = (view: Pick<CafeView, 'cancelled' | 'attendedNamed' | 'anonymous'>): boolean => heldRule(view);

export type { CafeStatus };

/** computed at read time, by the domain's rule: `awaitingAttendance` tells upcoming and unreported apart */
export const cafeStatus = (view: Pick<CafeView, 'cancelled' | 'attendedNamed' | 'anonymous'>): CafeStatus => statusOf(view);
