/**
 * A small world for the audit's specs: one funder, its funding, structures, cafés and what happened
 * to them, each fact recorded at a chosen instant.
 */
import { streams, type CafeScheduled, type DomainEvent } from '@cafeia/domain';
import type { AuditReport } from '../audit-report';
import { computeAuditReport } from '../compute-audit-report';
import { EventLog } from './event-log';

export const FUNDING = 'funding-a';
export const FUNDER = 'funder-a';
export const LYON = 's-lyon';
export const PARIS = 's-paris';
export const ELSEWHERE = 's-elsewhere';

export interface CafeOptions {
  structureId?: string;
  startsAt: string;
  endsAt?: string | null;
  capacity?: number | null;
  communeCode?: string;
  title?: string;
  /** when the café was scheduled (defaults to a day before it starts... or the grant instant) */
  recordedAt?: string;
}

const COMMUNES: Record<string, string> = { [LYON]: '69123', [PARIS]: '75056', [ELSEWHERE]: '13055' };

export class AuditWorld {
  readonly log = new EventLog();
  private readonly cafeIds: string[] = [];
  private readonly structureIds = [LYON, PARIS, ELSEWHERE];

  constructor(options: { from?: string; to?: string; targets?: { people: number | null; cafes: number | null }; structureIds?: string[] } = {}) {
    const at = '2026-01-01T08:00:00Z';
    this.record(streams.funder(FUNDER), { type: 'FunderRegistered', data: { funderId: FUNDER, name: 'Région Auvergne-Rhône-Alpes', kind: 'public' } }, at);
    for (const id of this.structureIds) {
      this.record(
        streams.structure(id),
        { type: 'StructureRegistered', data: { structureId: id, name: `Médiathèque ${id}`, kind: 'media_library', communeCode: COMMUNES[id], siret: null, address: null, postalCode: null } },
        at,
      );
    }
    this.record(
      streams.funding(FUNDING),
      {
        type: 'FundingGranted',
        data: {
          fundingId: FUNDING,
          funderId: FUNDER,
          structureIds: options.structureIds ?? [LYON, PARIS],
          from: options.from ?? '2026-01-01',
          to: options.to ?? '2026-12-31',
          amountEuros: 50_000,
          targets: options.targets ?? { people: 100, cafes: 10 },
        },
      },
      at,
    );
  }

  record(streamId: string, event: DomainEvent, recordedAt: string) {
    return this.log.record(streamId, event, recordedAt);
  }

  addStructure(structureId: string, recordedAt: string) {
    return this.record(streams.funding(FUNDING), { type: 'FundingStructureAdded', data: { fundingId: FUNDING, structureId } }, recordedAt);
  }

  cafe(cafeId: string, options: CafeOptions) {
    const structureId = options.structureId ?? LYON;
    const data: CafeScheduled['data'] = {
      cafeId,
      structureId,
      title: options.title ?? `Café ${cafeId}`,
      format: 'discussion',
      startsAt: options.startsAt,
      endsAt: options.endsAt ?? null,
      communeCode: options.communeCode ?? COMMUNES[structureId],
      capacity: options.capacity ?? null,
      audience: null,
      online: false,
      animatorIds: [],
      scheduledAt: options.recordedAt ?? '2026-01-02T08:00:00Z',
    };
    this.cafeIds.push(cafeId);
    return this.record(streams.cafe(cafeId), { type: 'CafeScheduled', data }, data.scheduledAt);
  }

  enrol(cafeId: string, participantId: string, at: string) {
    return this.record(streams.cafe(cafeId), { type: 'ParticipantEnrolled', data: { cafeId, enrolmentId: `e-${cafeId}-${participantId}`, participantId, at } }, at);
  }

  cancelEnrolment(cafeId: string, participantId: string, at: string) {
    return this.record(streams.cafe(cafeId), { type: 'EnrolmentCancelled', data: { cafeId, enrolmentId: `e-${cafeId}-${participantId}`, participantId, at } }, at);
  }

  /** enrols on the way, as the write side does for someone not enrolled */
  attend(cafeId: string, participantIds: string[], at: string) {
    return participantIds.map((participantId) => {
      this.enrol(cafeId, participantId, at);
      return this.record(streams.cafe(cafeId), { type: 'AttendanceRecorded', data: { cafeId, participantId, enrolmentId: `e-${cafeId}-${participantId}`, at } }, at);
    });
  }

  headcount(cafeId: string, count: number, previousCount: number, at: string) {
    return this.record(streams.cafe(cafeId), { type: 'AnonymousHeadcountDeclared', data: { cafeId, count, previousCount, at } }, at);
  }

  reschedule(cafeId: string, startsAt: string, previousStartsAt: string, afterAttendance: boolean, at: string) {
    return this.record(streams.cafe(cafeId), { type: 'CafeRescheduled', data: { cafeId, startsAt, endsAt: null, previousStartsAt, afterAttendance, at } }, at);
  }

  cancel(cafeId: string, at: string) {
    return this.record(streams.cafe(cafeId), { type: 'CafeCancelled', data: { cafeId, reason: 'salle indisponible', at } }, at);
  }

  input() {
    return this.log.auditInput(FUNDING, FUNDER, this.structureIds, this.cafeIds);
  }

  report(now: string, asOf?: string): AuditReport {
    const report = computeAuditReport({ ...this.input(), now: new Date(now), asOf });
    if (report === null) throw new Error('no funding in the events used');
    return report;
  }
}

export const cafeIn = (report: AuditReport, cafeId: string) => {
  const cafe = report.structures.flatMap((s) => s.cafes).find((c) => c.cafeId === cafeId);
  if (!cafe) throw new Error(`café ${cafeId} is not in the report`);
  return cafe;
};

export const anomalyCodes = (report: AuditReport, cafeId: string) => cafeIn(report, cafeId).anomalies.map((a) => a.code);
