export type ScheduleCafe = {
  type: 'ScheduleCafe';
  cafeId: string;
  structureId: string;
  title: string;
  format: string;
  startsAt: string;
  endsAt: string | null;
  /** already defaulted to the structure's commune by the caller */
  communeCode: string;
  capacity: number | null;
  audience: string | null;
  online: boolean;
  animatorIds: string[];
  now: string;
};
export type RescheduleCafe = {
  type: 'RescheduleCafe';
  cafeId: string;
  startsAt: string;
  endsAt: string | null;
  now: string;
};
export type CancelCafe = { type: 'CancelCafe'; cafeId: string; reason: string; now: string };
export type EnrolParticipant = {
  type: 'EnrolParticipant';
  cafeId: string;
  /** used only when the person has no active enrolment in this café */
  enrolmentId: string;
  participantId: string;
  now: string;
};
export type CancelEnrolment = { type: 'CancelEnrolment'; cafeId: string; enrolmentId: string; now: string };
export type RecordAttendance = {
  type: 'RecordAttendance';
  cafeId: string;
  /**
   * named attendees, already resolved to participant ids; `enrolmentId` is used only for a person
   * with no active enrolment (enrolled on the way)
   */
  attendees: { participantId: string; enrolmentId: string }[];
  /** replaces the anonymous headcount when given */
  anonymousCount: number | null;
  now: string;
};
export type CafeCommand = ScheduleCafe | RescheduleCafe | CancelCafe | EnrolParticipant | CancelEnrolment | RecordAttendance;
