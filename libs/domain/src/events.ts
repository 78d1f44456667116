/**
 * The event catalogue: every fact the system records. Events are plain data with primitive fields
 * and ISO strings, named in the past tense. Each type has a schema version (see `schemaVersions`);
 * a stored event of an older version is upcast when read (see `upcasters.ts`).
 *
 * Streams (category-id, no hyphen inside the category):
 *   structure-{id}, animator-{id}, cafe-{id}, participant-{id}, funder-{id}, funding-{id},
 *   territorytarget-{level}_{code}, network-{id}
 */
import type { AnimatorCompletedTraining, AnimatorDroppedTraining, AnimatorEnrolledInTraining, AnimatorRegistered } from './animators/animator.events';
import type {
  AnonymousHeadcountDeclared,
  AttendanceRecorded,
  CafeCancelled,
  CafeRescheduled,
  CafeScheduled,
  EnrolmentCancelled,
  ParticipantEnrolled,
} from './cafes/cafe.events';
import type { FunderRegistered, FundingGranted, FundingStructureAdded } from './fundings/funding.events';
import type { NetworkCreated, NetworkStructureAdded, NetworkStructureRemoved } from './networks/network.events';
import type { ParticipantErased, ParticipantRegistered } from './participants/participant.events';
import type { StructureRegistered } from './structures/structure.events';
import type { TerritoryTargetSet } from './targets/target.events';
import type { AccessGranted, AccessRevoked } from './access/access.events';
import type { TerritoryLevel } from './territory-level';

// each event is defined beside its aggregate; this barrel holds the unions, the versions and the stream names
export * from './territory-level';
export * from './structures/structure.events';
export * from './animators/animator.events';
export * from './cafes/cafe.events';
export * from './participants/participant.events';
export * from './fundings/funding.events';
export * from './targets/target.events';
export * from './access/access.events';
export * from './networks/network.events';

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
  | TerritoryTargetSet
  | AccessGranted
  | AccessRevoked
  | NetworkCreated
  | NetworkStructureAdded
  | NetworkStructureRemoved;

export type DomainEventType = DomainEvent['type'];
export type EventOfType<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** current schema version of each event type; bump it and add an upcaster when a shape changes */
export const schemaVersions: Record<DomainEventType, number> = {
  StructureRegistered: 2,
  AnimatorRegistered: 2,
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
  AccessGranted: 1,
  AccessRevoked: 1,
  NetworkCreated: 1,
  NetworkStructureAdded: 1,
  NetworkStructureRemoved: 1,
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
  access: (grantId: string) => `access-${grantId}`,
  network: (id: string) => `network-${id}`,
};
