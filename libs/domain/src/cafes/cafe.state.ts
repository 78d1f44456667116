import type {
  AnonymousHeadcountDeclared,
  AttendanceRecorded,
  CafeCancelled,
  CafeRescheduled,
  CafeScheduled,
  EnrolmentCancelled,
  ParticipantEnrolled,
} from './cafe.events';
import { assertNever } from '../exhaustive';

/** a café's stream holds its enrolments and attendance: the consistency boundary for counting once */
export type CafeEvent =
  | CafeScheduled
  | CafeRescheduled
  | CafeCancelled
  | ParticipantEnrolled
  | EnrolmentCancelled
  | AttendanceRecorded
  | AnonymousHeadcountDeclared;

export type Enrolment = { enrolmentId: string; participantId: string; status: 'active' | 'cancelled' };

export type CafeRecord = {
  /** the data as first scheduled, kept to recognise a retried ScheduleCafe after a reschedule */
  scheduled: CafeScheduled['data'];
  startsAt: string;
  endsAt: string | null;
  /** by enrolment id */
  enrolments: ReadonlyMap<string, Enrolment>;
  /** participant id → enrolment id of their active enrolment */
  activeEnrolments: ReadonlyMap<string, string>;
  /** participant id → enrolment id under which they attended, in the order recorded */
  attended: ReadonlyMap<string, string>;
  anonymousCount: number;
};

export type CafeState =
  | { status: 'unscheduled' }
  | ({ status: 'scheduled' } & CafeRecord)
  | ({ status: 'cancelled'; reason: string; cancelledAt: string } & CafeRecord);

export type KnownCafe = Exclude<CafeState, { status: 'unscheduled' }>;

export const initialCafeState = (): CafeState => ({ status: 'unscheduled' });

const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> => new Map(map).set(key, value);
const withoutEntry = <K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> => {
  const copy = new Map(map);
  copy.delete(key);
  return copy;
};

export const evolveCafe = (state: CafeState, event: CafeEvent): CafeState => {
  if (event.type === 'CafeScheduled') {
    return {
      status: 'scheduled',
      scheduled: event.data,
      startsAt: event.data.startsAt,
      endsAt: event.data.endsAt,
      enrolments: new Map(),
      activeEnrolments: new Map(),
      attended: new Map(),
      anonymousCount: 0,
    };
  }
  // events of a café never scheduled cannot be folded into anything meaningful
  if (state.status === 'unscheduled') return state;

  switch (event.type) {
    case 'CafeRescheduled':
      return { ...state, startsAt: event.data.startsAt, endsAt: event.data.endsAt };
    case 'CafeCancelled':
      return { ...state, status: 'cancelled', reason: event.data.reason, cancelledAt: event.data.at };
    case 'ParticipantEnrolled': {
      const { enrolmentId, participantId } = event.data;
      return {
        ...state,
        enrolments: withEntry(state.enrolments, enrolmentId, { enrolmentId, participantId, status: 'active' }),
        activeEnrolments: withEntry(state.activeEnrolments, participantId, enrolmentId),
      };
    }
    case 'EnrolmentCancelled': {
      const { enrolmentId, participantId } = event.data;
      return {
        ...state,
        enrolments: withEntry(state.enrolments, enrolmentId, { enrolmentId, participantId, status: 'cancelled' }),
        activeEnrolments:
          state.activeEnrolments.get(participantId) === enrolmentId ? withoutEntry(state.activeEnrolments, participantId) : state.activeEnrolments,
      };
    }
    case 'AttendanceRecorded':
      return { ...state, attended: withEntry(state.attended, event.data.participantId, event.data.enrolmentId) };
    case 'AnonymousHeadcountDeclared':
      return { ...state, anonymousCount: event.data.count };
    default:
      return assertNever(event);
  }
};
