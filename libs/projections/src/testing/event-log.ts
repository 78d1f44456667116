import { schemaVersions, type DomainEvent, type StructureKind } from '@cafeia/domain';
import type { StoredEvent } from '@cafeia/event-store';

const streamOf = (event: DomainEvent): string => {
  const d = event.data as Record<string, unknown>;
  if ('networkId' in d) return `network-${String(d.networkId)}`;
  if ('cafeId' in d) return `cafe-${String(d.cafeId)}`;
  if ('animatorId' in d) return `animator-${String(d.animatorId)}`;
  if ('fundingId' in d) return `funding-${String(d.fundingId)}`;
  if ('funderId' in d) return `funder-${String(d.funderId)}`;
  if ('structureId' in d) return `structure-${String(d.structureId)}`;
  if ('participantId' in d) return `participant-${String(d.participantId)}`;
  return `territorytarget-${String(d.level)}_${String(d.code)}`;
};

/** An in-memory global log, as the store would deliver it (positions 1, 2, 3…). */
export class EventLog {
  readonly events: StoredEvent[] = [];
  private readonly versions = new Map<string, number>();
  private recordedAt = '2026-01-01T00:00:00.000Z';

  /** the `recordedAt` of the events added from now on (figures as of a date count by it) */
  recording(recordedAt: string): this {
    this.recordedAt = recordedAt;
    return this;
  }

  add(...events: DomainEvent[]): this {
    for (const event of events) {
      const streamId = streamOf(event);
      const version = (this.versions.get(streamId) ?? -1) + 1;
      this.versions.set(streamId, version);
      const position = String(this.events.length + 1);
      this.events.push({
        eventId: `00000000-0000-4000-8000-${position.padStart(12, '0')}`,
        streamId,
        streamVersion: version,
        position,
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: {
          correlationId: position,
          causationId: null,
          actor: { sub: 'test', role: 'council' },
          recordedAt: this.recordedAt,
          schemaVersion: schemaVersions[event.type],
          chainHash: '',
        },
      });
    }
    return this;
  }

  /** the log split in batches of `size` */
  batches(size: number): StoredEvent[][] {
    const out: StoredEvent[][] = [];
    for (let i = 0; i < this.events.length; i += size) out.push(this.events.slice(i, i + size));
    return out;
  }
}

/** Event factories with sensible defaults, so that tests state only what matters to them. */
export const on = {
  structureRegistered: (structureId: string, communeCode: string, name = `Structure ${structureId}`, kind: StructureKind = 'library'): DomainEvent => ({
    type: 'StructureRegistered',
    data: { structureId, name, kind, communeCode, siret: null, address: null, postalCode: null },
  }),
  cafeScheduled: (
    cafeId: string,
    o: { structureId: string; communeCode: string; startsAt: string; format?: string; capacity?: number | null; audience?: string | null; online?: boolean },
  ): DomainEvent => ({
    type: 'CafeScheduled',
    data: {
      cafeId,
      structureId: o.structureId,
      title: `Café ${cafeId}`,
      format: o.format ?? 'in_person',
      startsAt: o.startsAt,
      endsAt: null,
      communeCode: o.communeCode,
      capacity: o.capacity ?? null,
      audience: o.audience ?? null,
      online: o.online ?? false,
      animatorIds: [],
      scheduledAt: '2026-01-01T00:00:00.000Z',
    },
  }),
  cafeRescheduled: (cafeId: string, startsAt: string, previousStartsAt: string, afterAttendance = false): DomainEvent => ({
    type: 'CafeRescheduled',
    data: { cafeId, startsAt, endsAt: null, previousStartsAt, afterAttendance, at: '2026-01-01T00:00:00.000Z' },
  }),
  cafeCancelled: (cafeId: string, reason = 'weather'): DomainEvent => ({ type: 'CafeCancelled', data: { cafeId, reason, at: '2026-01-01T00:00:00.000Z' } }),
  enrolled: (cafeId: string, participantId: string, enrolmentId = `${cafeId}/${participantId}`): DomainEvent => ({
    type: 'ParticipantEnrolled',
    data: { cafeId, enrolmentId, participantId, at: '2026-01-01T00:00:00.000Z' },
  }),
  enrolmentCancelled: (cafeId: string, participantId: string, enrolmentId = `${cafeId}/${participantId}`): DomainEvent => ({
    type: 'EnrolmentCancelled',
    data: { cafeId, enrolmentId, participantId, at: '2026-01-01T00:00:00.000Z' },
  }),
  attended: (cafeId: string, participantId: string, enrolmentId = `${cafeId}/${participantId}`, at = '2026-01-01T00:00:00.000Z'): DomainEvent => ({
    type: 'AttendanceRecorded',
    data: { cafeId, participantId, enrolmentId, at },
  }),
  headcount: (cafeId: string, count: number, previousCount = 0, at = '2026-01-01T00:00:00.000Z'): DomainEvent => ({
    type: 'AnonymousHeadcountDeclared',
    data: { cafeId, count, previousCount, at },
  }),
  participantRegistered: (participantId: string): DomainEvent => ({
    type: 'ParticipantRegistered',
    data: { participantId, personalData: 'c2VjcmV0', contactHashes: ['h'], at: '2026-01-01T00:00:00.000Z' },
  }),
  participantErased: (participantId: string): DomainEvent => ({ type: 'ParticipantErased', data: { participantId, at: '2026-01-01T00:00:00.000Z' } }),
  animatorRegistered: (animatorId: string, communeCode: string, displayName = `Animator ${animatorId}`, listed = false): DomainEvent => ({
    type: 'AnimatorRegistered',
    data: { animatorId, displayName, communeCode, structureId: null, listed },
  }),
  trainingEnrolled: (animatorId: string): DomainEvent => ({ type: 'AnimatorEnrolledInTraining', data: { animatorId, at: '2026-01-01T00:00:00.000Z' } }),
  trainingCompleted: (animatorId: string, capable: boolean | null): DomainEvent => ({
    type: 'AnimatorCompletedTraining',
    data: { animatorId, capable, at: '2026-01-01T00:00:00.000Z' },
  }),
  trainingDropped: (animatorId: string): DomainEvent => ({ type: 'AnimatorDroppedTraining', data: { animatorId, at: '2026-01-01T00:00:00.000Z' } }),
  targetSet: (level: 'region' | 'department' | 'commune', code: string, people: number): DomainEvent => ({
    type: 'TerritoryTargetSet',
    data: { level, code, people, at: '2026-01-01T00:00:00.000Z' },
  }),
  funderRegistered: (funderId: string): DomainEvent => ({ type: 'FunderRegistered', data: { funderId, name: `Funder ${funderId}`, kind: 'public' } }),
  fundingGranted: (fundingId: string, funderId: string, structureIds: string[]): DomainEvent => ({
    type: 'FundingGranted',
    data: { fundingId, funderId, structureIds, from: '2026-01-01', to: '2026-12-31', amountEuros: 1000, targets: { people: 100, cafes: null } },
  }),
  fundingStructureAdded: (fundingId: string, structureId: string): DomainEvent => ({ type: 'FundingStructureAdded', data: { fundingId, structureId } }),
  networkCreated: (networkId: string, name = `Network ${networkId}`, kind: 'public_operator' | 'company' | 'association' | 'local_authority' | 'other' = 'association'): DomainEvent => ({
    type: 'NetworkCreated',
    data: { networkId, name, kind },
  }),
  networkStructureAdded: (networkId: string, structureId: string): DomainEvent => ({ type: 'NetworkStructureAdded', data: { networkId, structureId, at: '2026-01-01T00:00:00.000Z' } }),
  networkStructureRemoved: (networkId: string, structureId: string): DomainEvent => ({ type: 'NetworkStructureRemoved', data: { networkId, structureId, at: '2026-01-01T00:00:00.000Z' } }),
};
