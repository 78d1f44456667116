/**
 * The event catalogue: every fact the system records. Events are plain data with primitive fields
 * and ISO strings, named in the past tense. Each type has a schema version (see `schemaVersions`);
 * a stored event of an older version is upcast when read (see `upcasters.ts`).
 *
 * Streams (category-id, no hyphen inside the category):
 *   structure-{id}, animator-{id}, cafe-{id}, participant-{id}, funder-{id}, funding-{id},
 *   territorytarget-{level}_{code}
 */

export const STRUCTURE_KINDS = [
  'school',
  'media_library',
  'library',
  'social_centre',
  'town_hall',
  'third_place',
  'association',
  'company',
  'university',
  'other',
] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

export const FUNDER_KINDS = ['public', 'private', 'csr'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

export const TRAINING_STATUSES = ['enrolled', 'completed', 'dropped'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const TERRITORY_LEVELS = ['region', 'department', 'commune'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

// ---- structures -------------------------------------------------------------------------------
export type StructureRegistered = {
  type: 'StructureRegistered';
  data: {
    structureId: string;
    name: string;
    kind: StructureKind;
    /** the current commune (an arrondissement is kept as given, see `communeCode` of cafés) */
    communeCode: string;
    siret: string | null;
  };
};

// ---- animators --------------------------------------------------------------------------------
export type AnimatorRegistered = {
  type: 'AnimatorRegistered';
  data: { animatorId: string; displayName: string; communeCode: string; structureId: string | null };
};
export type AnimatorEnrolledInTraining = {
  type: 'AnimatorEnrolledInTraining';
  data: { animatorId: string; at: string };
};
export type AnimatorCompletedTraining = {
  type: 'AnimatorCompletedTraining';
  data: { animatorId: string; capable: boolean | null; at: string };
};
export type AnimatorDroppedTraining = {
  type: 'AnimatorDroppedTraining';
  data: { animatorId: string; at: string };
};

// ---- cafés, enrolments, attendance -------------------------------------------------------------
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

// ---- participants (personal data only encrypted, see libs/personal-data) -----------------------
export type ParticipantRegistered = {
  type: 'ParticipantRegistered';
  data: {
    participantId: string;
    /** AES-256-GCM ciphertext of {email?, phone?, name?} under the person's own key (base64) */
    personalData: string;
    /** keyed hashes of the normalised contacts, to recognise the person; never the contact itself */
    contactHashes: string[];
    at: string;
  };
};
export type ParticipantErased = {
  type: 'ParticipantErased';
  data: { participantId: string; at: string };
};

// ---- funders and fundings ----------------------------------------------------------------------
export type FunderRegistered = {
  type: 'FunderRegistered';
  data: { funderId: string; name: string; kind: FunderKind };
};
export type FundingGranted = {
  type: 'FundingGranted';
  data: {
    fundingId: string;
    funderId: string;
    structureIds: string[];
    from: string;
    to: string;
    amountEuros: number | null;
    targets: { people: number | null; cafes: number | null };
  };
};
export type FundingStructureAdded = {
  type: 'FundingStructureAdded';
  data: { fundingId: string; structureId: string };
};

// ---- territory targets -------------------------------------------------------------------------
export type TerritoryTargetSet = {
  type: 'TerritoryTargetSet';
  data: { level: TerritoryLevel; code: string; people: number; at: string };
};

export type DomainEvent =
  | StructureRegistered
  | AnimatorRegistered
  | AnimatorEnrolledInTraining
  | AnimatorCompletedTraining
  | AnimatorDroppedTraining
  | CafeScheduled
  | CafeRescheduled
  | CafeCancelled
  | ParticipantEnrolled
  | EnrolmentCancelled
  | AttendanceRecorded
  | AnonymousHeadcountDeclared
  | ParticipantRegistered
  | ParticipantErased
  | FunderRegistered
  | FundingGranted
  | FundingStructureAdded
  | TerritoryTargetSet;

export type DomainEventType = DomainEvent['type'];
export type EventOfType<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** current schema version of each event type; bump it and add an upcaster when a shape changes */
export const schemaVersions: Record<DomainEventType, number> = {
  StructureRegistered: 1,
  AnimatorRegistered: 1,
  AnimatorEnrolledInTraining: 1,
  AnimatorCompletedTraining: 1,
  AnimatorDroppedTraining: 1,
  CafeScheduled: 1,
  CafeRescheduled: 1,
  CafeCancelled: 1,
  ParticipantEnrolled: 1,
  EnrolmentCancelled: 1,
  AttendanceRecorded: 1,
  AnonymousHeadcountDeclared: 1,
  ParticipantRegistered: 1,
  ParticipantErased: 1,
  FunderRegistered: 1,
  FundingGranted: 1,
  FundingStructureAdded: 1,
  TerritoryTargetSet: 1,
};

export const isDomainEventType = (type: string): type is DomainEventType =>
  Object.prototype.hasOwnProperty.call(schemaVersions, type);

export const streams = {
  structure: (id: string) => `structure-${id}`,
  animator: (id: string) => `animator-${id}`,
  cafe: (id: string) => `cafe-${id}`,
  participant: (id: string) => `participant-${id}`,
  funder: (id: string) => `funder-${id}`,
  funding: (id: string) => `funding-${id}`,
  territoryTarget: (level: TerritoryLevel, code: string) => `territorytarget-${level}_${code}`,
};
