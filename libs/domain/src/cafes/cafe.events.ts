/** Stream `cafe-{id}`: a café with its enrolments and attendance. */
export type CafeScheduled = {
  type: 'CafeScheduled';
  data: {
    cafeId: string;
    structureId: string;
    title: string;
    format: string;
    startsAt: string;
    endsAt: string | null;
    /** INSEE code as given (may be a municipal arrondissement); counts toward its commune */
    communeCode: string;
    capacity: number | null;
    audience: string | null;
    online: boolean;
    animatorIds: string[];
    scheduledAt: string;
  };
};
export type CafeRescheduled = {
  type: 'CafeRescheduled';
  data: {
    cafeId: string;
    startsAt: string;
    endsAt: string | null;
    previousStartsAt: string;
    /** true when attendance had already been recorded (an audit anomaly) */
    afterAttendance: boolean;
    at: string;
  };
};
export type CafeCancelled = {
  type: 'CafeCancelled';
  data: { cafeId: string; reason: string; at: string };
};
export type ParticipantEnrolled = {
  type: 'ParticipantEnrolled';
  data: { cafeId: string; enrolmentId: string; participantId: string; at: string };
};
export type EnrolmentCancelled = {
  type: 'EnrolmentCancelled';
  data: { cafeId: string; enrolmentId: string; participantId: string; at: string };
};
/** one per person per café, ever */
export type AttendanceRecorded = {
  type: 'AttendanceRecorded';
  data: { cafeId: string; participantId: string; enrolmentId: string; at: string };
};
/** replaces the café's headcount of people who gave no contact */
export type AnonymousHeadcountDeclared = {
  type: 'AnonymousHeadcountDeclared';
  data: { cafeId: string; count: number; previousCount: number; at: string };
};
