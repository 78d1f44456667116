import type { CafeState, KnownCafe } from './cafe.state';
import { cafeStatus, hasAttendance as countsShowAttendance, type CafeStatus } from './held';

const counts = (cafe: KnownCafe) => ({ cancelled: cafe.status === 'cancelled', attendedNamed: cafe.attended.size, anonymous: cafe.anonymousCount });
const hasAttendance = (cafe: KnownCafe): boolean => countsShowAttendance(counts(cafe));

/** true once anyone attended, named or anonymous */
export const attendanceRecorded = (state: CafeState): boolean => state.status !== 'unscheduled' && hasAttendance(state);

/** the person's active enrolment in this café, if any (the same person enrolling again gets it back) */
export const activeEnrolmentOf = (state: CafeState, participantId: string): { enrolmentId: string; participantId: string } | null => {
  if (state.status === 'unscheduled') return null;
  const enrolmentId = state.activeEnrolments.get(participantId);
  return enrolmentId === undefined ? null : { enrolmentId, participantId };
};

/** the participant ids of the named attendees, in the order their attendance was recorded */
export const attendedParticipants = (state: CafeState): string[] => (state.status === 'unscheduled' ? [] : [...state.attended.keys()]);

export const anonymousCountOf = (state: CafeState): number => (state.status === 'unscheduled' ? 0 : state.anonymousCount);

export type CafeSummary = {
  cafeId: string;
  /** as in the figures: `held` = not cancelled with at least one attendance, named or anonymous */
  status: CafeStatus;
  startsAt: string;
  endsAt: string | null;
  structureId: string;
  communeCode: string;
  counts: { enrolled: number; attendedNamed: number; anonymous: number; attendances: number };
};

/** `null` for a café never scheduled */
export const cafeSummary = (state: CafeState): CafeSummary | null => {
  if (state.status === 'unscheduled') return null;
  const attendedNamed = state.attended.size;
  return {
    cafeId: state.scheduled.cafeId,
    status: cafeStatus(counts(state)),
    startsAt: state.startsAt,
    endsAt: state.endsAt,
    structureId: state.scheduled.structureId,
    communeCode: state.scheduled.communeCode,
    counts: {
      enrolled: state.activeEnrolments.size,
      attendedNamed,
      anonymous: state.anonymousCount,
      attendances: attendedNamed + state.anonymousCount,
    },
  };
};
