/**
 * The one definition of a café's status in the figures: cancelled; *held* once any attendance is recorded,
 * named or anonymous (what `cafesHeld` counts); scheduled otherwise (upcoming, or past with its attendance not
 * reported yet). The write side, the read models and the audit all ask here.
 */
export type CafeStatus = 'scheduled' | 'held' | 'cancelled';

export interface CafeAttendanceCounts {
  cancelled: boolean;
  /** named attendees */
  attendedNamed: number;
  /** the anonymous headcount */
  anonymous: number;
}

export const hasAttendance = (cafe: Pick<CafeAttendanceCounts, 'attendedNamed' | 'anonymous'>): boolean => cafe.attendedNamed + cafe.anonymous > 0;

export const isHeld = (cafe: CafeAttendanceCounts): boolean => !cafe.cancelled && hasAttendance(cafe);

export const cafeStatus = (cafe: CafeAttendanceCounts): CafeStatus => (cafe.cancelled ? 'cancelled' : isHeld(cafe) ? 'held' : 'scheduled');
