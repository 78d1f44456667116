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

/** how a step of the fold writes a map: a copy with the change (evolve), or in place (a fold's own copies) */
interface MapWrites {
  put: <K, V>(map: ReadonlyMap<K, V>, key: K, value: V) => ReadonlyMap<K, V>;
  remove: <K, V>(map: ReadonlyMap<K, V>, key: K) => ReadonlyMap<K, V>;
}

const copying: MapWrites = {
  put: (map, key, value) => new Map(map).set(key, value),
  remove: (map, key) => {
    const copy = new Map(map);
    copy.delete(key);
    return copy;
  },
};

// only for maps the fold made itself (see evolveCafeMany): nobody else holds them
const inPlace: MapWrites = {
  put: (map, key, value) => (map as Map<typeof key, typeof value>).set(key, value),
  remove: (map, key) => {
    (map as Map<typeof key, unknown>).delete(key);
    return map;
  },
};

const step = (state: CafeState, event: CafeEvent, maps: MapWrites): CafeState => {
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
        enrolments: maps.put(state.enrolments, enrolmentId, { enrolmentId, participantId, status: 'active' }),
        activeEnrolments: maps.put(state.activeEnrolments, participantId, enrolmentId),
      };
    }
    case 'EnrolmentCancelled': {
      const { enrolmentId, participantId } = event.data;
      return {
        ...state,
        enrolments: maps.put(state.enrolments, enrolmentId, { enrolmentId, participantId, status: 'cancelled' }),
        activeEnrolments:
          state.activeEnrolments.get(participantId) === enrolmentId ? maps.remove(state.activeEnrolments, participantId) : state.activeEnrolments,
      };
    }
    case 'AttendanceRecorded':
      return { ...state, attended: maps.put(state.attended, event.data.participantId, event.data.enrolmentId) };
    case 'AnonymousHeadcountDeclared':
      return { ...state, anonymousCount: event.data.count };
    default:
      return assertNever(event);
  }
};

/** one event: a new state, the one given untouched (states are shared, e.g. by the state cache) */
export const evolveCafe = (state: CafeState, event: CafeEvent): CafeState => step(state, event, copying);

/**
 * The same as `events.reduce(evolveCafe, state)` in O(n) instead of O(n²): the maps are copied once, then
 * written in place; the state given is never changed. For a whole stream (a cold load of ~100 events).
 */
export const evolveCafeMany = (state: CafeState, events: readonly CafeEvent[]): CafeState => {
  let current: CafeState =
    state.status === 'unscheduled'
      ? state
      : { ...state, enrolments: new Map(state.enrolments), activeEnrolments: new Map(state.activeEnrolments), attended: new Map(state.attended) };
  // a CafeScheduled makes new maps (its own); before any, an unscheduled state has none to share
  for (const event of events) current = step(current, event, inPlace);
  return current;
};
