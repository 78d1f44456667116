/**
 * The funder's audit, computed FROM EVENTS (not from read models): the evidence is exactly the events
 * used, so a report can be reproduced (`asOf`) and checked against the store's chain hashes.
 * Pure: the streams, "now" and the Paris test come in.
 */
import { comparePositions, type StoredEvent } from '@cafeia/event-store';
import { Territories } from '@cafeia/territories';
import type { AuditAnomaly, AuditReport, AuditStructure } from './audit-report';
import { audited, type AuditedEvent } from './audited-event';
import { figuresOf } from './audit-figures';
import { auditCafe, type CafeFacts } from './cafe-audit';
import { evidenceOf } from './evidence-digest';
import { PARIS_TIME_ZONE, parisDateEnd, parisDateStart } from '@cafeia/paris-time';

export interface AuditInput {
  /** the full `funding-{id}` stream */
  funding: readonly StoredEvent[];
  /** the full `funder-{id}` stream of the funding's funder */
  funder: readonly StoredEvent[];
  /** the full `structure-{id}` streams of the structures the funding ever supported */
  structures: readonly (readonly StoredEvent[])[];
  /** the full `cafe-{id}` streams of those structures' cafés (others are ignored) */
  cafes: readonly (readonly StoredEvent[])[];
  now: Date;
  /** YYYY-MM-DD: only events recorded up to the end of that day, Europe/Paris */
  asOf?: string;
  /** defaults to the official geographic reference */
  isParis?: (communeCode: string) => boolean;
}

/** Which events a report uses, and the "now" it is computed at. */
export interface AuditCutoff {
  /** exclusive: events recorded at or after this instant are left out; null: none is */
  recordedBeforeMs: number | null;
  reportAtMs: number;
}

export function auditCutoff(now: Date, asOf?: string): AuditCutoff {
  if (asOf === undefined) return { recordedBeforeMs: null, reportAtMs: now.getTime() };
  const endOfDay = parisDateEnd(asOf);
  // the report of a past day is computed as at the end of that day, so it is the report sent then
  return { recordedBeforeMs: endOfDay, reportAtMs: Math.min(now.getTime(), endOfDay) };
}

export const recordedBy =
  (cutoff: AuditCutoff) =>
  (event: StoredEvent): boolean =>
    cutoff.recordedBeforeMs === null || Date.parse(event.metadata.recordedAt) < cutoff.recordedBeforeMs;

/** `null` when the funding has no FundingGranted among the events used (unknown, or granted after asOf) */
export function computeAuditReport(input: AuditInput): AuditReport | null {
  const cutoff = auditCutoff(input.now, input.asOf);
  const used = recordedBy(cutoff);
  const read = (stream: readonly StoredEvent[]): AuditedEvent[] => stream.filter(used).map(audited);
  const isParis = input.isParis ?? ((code: string) => Territories.official().isParis(code));

  const funding = foldFunding(read(input.funding));
  if (funding === null) return null;
  const funder = foldFunder(read(input.funder), funding.funderId);

  const supported = new Set(funding.structureIds);
  const structureStreams = input.structures.filter((stream) => stream.length > 0 && supported.has(structureIdOfStream(stream)));
  const registrations = new Map<string, { name: string; communeCode: string }>();
  for (const { event } of structureStreams.flatMap(read)) {
    if (event.type === 'StructureRegistered' && !registrations.has(event.data.structureId)) {
      registrations.set(event.data.structureId, { name: event.data.name, communeCode: event.data.communeCode });
    }
  }

  const periodStartMs = parisDateStart(funding.from);
  const periodEndMs = parisDateEnd(funding.to);
  const cafeStreams: (readonly StoredEvent[])[] = [];
  const cafesByStructure = new Map<string, CafeFacts[]>();
  for (const stream of input.cafes) {
    const facts = auditCafe(read(stream), cutoff.reportAtMs);
    if (facts === null || !supported.has(facts.structureId)) continue;
    // every café of a supported structure is evidence: its events decide whether it lies in the period
    cafeStreams.push(stream);
    if (!(facts.startsAtMs >= periodStartMs && facts.startsAtMs < periodEndMs)) continue;
    cafesByStructure.set(facts.structureId, [...(cafesByStructure.get(facts.structureId) ?? []), facts]);
  }

  const structures: AuditStructure[] = funding.structureIds.map((structureId) => {
    const cafes = (cafesByStructure.get(structureId) ?? []).sort(byStartThenId);
    return {
      structureId,
      name: registrations.get(structureId)?.name ?? null,
      communeCode: registrations.get(structureId)?.communeCode ?? null,
      cafes: cafes.map((facts) => facts.cafe),
      figures: figuresOf(cafes, cutoff.reportAtMs, isParis),
    };
  });
  const allCafes = funding.structureIds.flatMap((id) => cafesByStructure.get(id) ?? []);
  const figures = figuresOf(allCafes, cutoff.reportAtMs, isParis);

  const anomalies: AuditAnomaly[] = structures.flatMap((structure) =>
    structure.cafes.flatMap((cafe) =>
      cafe.anomalies.map((anomaly) => ({ ...anomaly, structureId: structure.structureId, cafeId: cafe.cafeId, cafeTitle: cafe.title })),
    ),
  );

  const evidenceStreams = [input.funding, input.funder, ...structureStreams, ...cafeStreams];
  const lastPosition = evidenceStreams
    .flat()
    .filter(used)
    .map((event) => event.position)
    .reduce<string | null>((max, position) => (max === null || comparePositions(position, max) > 0 ? position : max), null);

  return {
    funding,
    funder,
    period: {
      from: funding.from,
      to: funding.to,
      timeZone: PARIS_TIME_ZONE,
      startsAtFrom: new Date(periodStartMs).toISOString(),
      startsAtBefore: new Date(periodEndMs).toISOString(),
    },
    asOf: { date: input.asOf ?? null, at: new Date(cutoff.reportAtMs).toISOString(), position: lastPosition },
    structures,
    figures,
    targets: {
      people: { target: funding.targets.people, reached: figures.peopleReached, progress: progress(figures.peopleReached, funding.targets.people) },
      cafes: { target: funding.targets.cafes, held: figures.cafesHeld, progress: progress(figures.cafesHeld, funding.targets.cafes) },
    },
    anomalies,
    evidence: { ...evidenceOf(evidenceStreams, used), algorithm: 'sha256' },
  };
}

const progress = (reached: number, target: number | null): number | null => (target === null || target <= 0 ? null : reached / target);

const byStartThenId = (a: CafeFacts, b: CafeFacts): number =>
  a.startsAtMs - b.startsAtMs || (a.cafe.cafeId < b.cafe.cafeId ? -1 : a.cafe.cafeId > b.cafe.cafeId ? 1 : 0);

const structureIdOfStream = (stream: readonly StoredEvent[]): string => stream[0].streamId.slice('structure-'.length);

function foldFunding(events: readonly AuditedEvent[]): AuditReport['funding'] | null {
  let funding: AuditReport['funding'] | null = null;
  for (const { event } of events) {
    if (event.type === 'FundingGranted' && funding === null) {
      const { fundingId, funderId, structureIds, from, to, amountEuros, targets } = event.data;
      funding = { fundingId, funderId, structureIds: [...structureIds], from, to, amountEuros, targets: { people: targets.people, cafes: targets.cafes } };
    } else if (event.type === 'FundingStructureAdded' && funding !== null && !funding.structureIds.includes(event.data.structureId)) {
      funding.structureIds.push(event.data.structureId);
    }
  }
  return funding;
}

function foldFunder(events: readonly AuditedEvent[], funderId: string): AuditReport['funder'] {
  for (const { event } of events) {
    if (event.type === 'FunderRegistered' && event.data.funderId === funderId) {
      return { funderId, name: event.data.name, kind: event.data.kind };
    }
  }
  return null;
}
