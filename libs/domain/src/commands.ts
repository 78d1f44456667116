/**
 * Commands: imperative, validated at the edge, carrying their own time (`now`) and ids.
 * Each aggregate's decider takes the union of its commands.
 */
import type { FunderKind, StructureKind, TerritoryLevel, TrainingStatus } from './events';

// ---- structures --------------------------------------------------------------------------------
export type RegisterStructure = {
  type: 'RegisterStructure';
  structureId: string;
  name: string;
  kind: StructureKind;
  communeCode: string;
  siret: string | null;
};
export type StructureCommand = RegisterStructure;

// ---- animators ---------------------------------------------------------------------------------
export type RegisterAnimator = {
  type: 'RegisterAnimator';
  animatorId: string;
  displayName: string;
  communeCode: string;
  structureId: string | null;
};
export type RecordTrainingStep = {
  type: 'RecordTrainingStep';
  animatorId: string;
  status: TrainingStatus;
  /** only with `completed` */
  capable: boolean | null;
  now: string;
};
export type AnimatorCommand = RegisterAnimator | RecordTrainingStep;

// ---- cafés -------------------------------------------------------------------------------------
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

// ---- participants ------------------------------------------------------------------------------
export type RegisterParticipant = {
  type: 'RegisterParticipant';
  participantId: string;
  personalData: string;
  contactHashes: string[];
  now: string;
};
export type EraseParticipant = { type: 'EraseParticipant'; participantId: string; now: string };
export type ParticipantCommand = RegisterParticipant | EraseParticipant;

// ---- funders and fundings ----------------------------------------------------------------------
export type RegisterFunder = { type: 'RegisterFunder'; funderId: string; name: string; kind: FunderKind };
export type FunderCommand = RegisterFunder;

export type GrantFunding = {
  type: 'GrantFunding';
  fundingId: string;
  funderId: string;
  structureIds: string[];
  from: string;
  to: string;
  amountEuros: number | null;
  targets: { people: number | null; cafes: number | null };
};
export type AddFundingStructure = { type: 'AddFundingStructure'; fundingId: string; structureId: string };
export type FundingCommand = GrantFunding | AddFundingStructure;

// ---- territory targets -------------------------------------------------------------------------
export type SetTerritoryTarget = {
  type: 'SetTerritoryTarget';
  level: TerritoryLevel;
  code: string;
  people: number;
  now: string;
};
export type TerritoryTargetCommand = SetTerritoryTarget;
