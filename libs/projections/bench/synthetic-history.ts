import { schemaVersions, type DomainEvent } from '@cafeia/domain';
import type { StoredEvent } from '@cafeia/event-store';

/** what the year-two read models need on top (all off by default: the rebuild-rate history stays as it was) */
export interface YearTwoOptions {
  /** spread `recordedAt` evenly from this instant over `recordedDays` days, in log order */
  recordedFrom?: string;
  recordedDays?: number;
  /** partner networks created early, each structure joining one now and then (and a few leaving) */
  networks?: number;
  /** formats, audiences and online cafés of several kinds, structures of several kinds */
  variety?: boolean;
}

const FORMATS = ['talk', 'workshop', 'discussion'];
const AUDIENCES = [null, 'seniors', 'youth', 'everyone'];
const KINDS = ['library', 'media_library', 'town_hall', 'association', 'social_centre', 'school'] as const;

/**
 * A synthetic history shaped like the target load (2 M people, 10 M events): per person one registration,
 * then enrolments and attendances at cafés of many communes, a few headcounts, cancellations and
 * reschedules. Generated batch by batch so that memory stays flat whatever the size.
 */
export function* syntheticHistory(totalEvents: number, communes: string[], batchSize = 10_000, seed = 42, year2: YearTwoOptions = {}): Generator<StoredEvent[]> {
  let state = seed;
  // the classic LCG mod 2^31, in exact 32-bit integer arithmetic: `state * 1103515245` in floating point loses
  // its low bits past 2^53 and fell into a short cycle (a 200k history had one structure)
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return state / 2 ** 31;
  };
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  let position = 0;
  let batch: StoredEvent[] = [];
  let at = '2026-01-01T00:00:00.000Z';
  const recordedFrom = year2.recordedFrom ? Date.parse(year2.recordedFrom) : null;
  const recordedSpan = (year2.recordedDays ?? 0) * 86_400_000;
  const emit = (streamId: string, event: DomainEvent): StoredEvent[] | null => {
    position += 1;
    if (recordedFrom !== null) at = new Date(recordedFrom + Math.floor((position / totalEvents) * recordedSpan)).toISOString();
    batch.push({
      eventId: `e${position}`,
      streamId,
      streamVersion: 0,
      position: String(position),
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: { correlationId: '', causationId: null, actor: { sub: 'bench', role: 'council' }, recordedAt: at, schemaVersion: schemaVersions[event.type], chainHash: '' },
    });
    if (batch.length < batchSize) return null;
    const full = batch;
    batch = [];
    return full;
  };

  const structures: string[] = [];
  const networks = Array.from({ length: year2.networks ?? 0 }, (_, i) => ({ id: `n${i}`, members: new Set<string>() }));
  let networksCreated = false;
  const cafes: { id: string; startsAt: string; attendees: number }[] = [];
  let people = 0;
  const start = Date.parse('2025-01-01T09:00:00Z');
  while (position < totalEvents) {
    const roll = random();
    let out: StoredEvent[] | null = null;
    if (networks.length > 0 && !networksCreated && structures.length > 0) {
      networksCreated = true;
      for (const n of networks) {
        out = emit(`network-${n.id}`, { type: 'NetworkCreated', data: { networkId: n.id, name: `Réseau ${n.id}`, kind: 'association' } });
        if (out) yield out;
      }
      out = null;
    } else if (networks.length > 0 && roll >= 0.0005 && roll < 0.0008) {
      // a structure joins a network (now and then one leaves): its whole history comes in or goes out
      const n = pick(networks);
      const structureId = pick(structures);
      const leave = n.members.has(structureId) && random() < 0.3;
      if (leave) n.members.delete(structureId);
      else n.members.add(structureId);
      out = emit(`network-${n.id}`, { type: leave ? 'NetworkStructureRemoved' : 'NetworkStructureAdded', data: { networkId: n.id, structureId, at } });
    } else if (structures.length === 0 || roll < 0.0005) {
      const id = `s${structures.length}`;
      structures.push(id);
      const kind = year2.variety ? pick([...KINDS]) : 'library';
      out = emit(`structure-${id}`, { type: 'StructureRegistered', data: { structureId: id, name: id, kind, communeCode: pick(communes), siret: null, address: null, postalCode: null } });
    } else if (cafes.length === 0 || roll < 0.01) {
      const id = `c${cafes.length}`;
      // cafés start on the hour or half hour over three years
      const startsAt = new Date(start + Math.floor(random() * 3 * 365 * 48) * 1_800_000).toISOString();
      cafes.push({ id, startsAt, attendees: 0 });
      out = emit(`cafe-${id}`, {
        type: 'CafeScheduled',
        data: {
          cafeId: id,
          structureId: pick(structures),
          title: id,
          format: year2.variety ? pick(FORMATS) : 'in_person',
          startsAt,
          endsAt: null,
          communeCode: pick(communes),
          capacity: 30,
          audience: year2.variety ? pick(AUDIENCES) : null,
          online: year2.variety ? random() < 0.1 : false,
          animatorIds: [],
          scheduledAt: at,
        },
      });
    } else if (roll < 0.012) {
      const cafe = pick(cafes);
      out = emit(`cafe-${cafe.id}`, { type: 'AnonymousHeadcountDeclared', data: { cafeId: cafe.id, count: Math.floor(random() * 10), previousCount: 0, at } });
    } else if (roll < 0.0122) {
      const cafe = pick(cafes);
      const startsAt = new Date(Date.parse(cafe.startsAt) + 86_400_000 * 3).toISOString();
      out = emit(`cafe-${cafe.id}`, { type: 'CafeRescheduled', data: { cafeId: cafe.id, startsAt, endsAt: null, previousStartsAt: cafe.startsAt, afterAttendance: cafe.attendees > 0, at } });
      cafe.startsAt = startsAt;
    } else if (roll < 0.23 || people === 0) {
      const id = `p${people++}`;
      out = emit(`participant-${id}`, { type: 'ParticipantRegistered', data: { participantId: id, personalData: 'x', contactHashes: ['h'], at } });
    } else {
      // enrol then attend; a few returning people (ids drawn among all people so far)
      const cafe = cafes[cafes.length - 1 - Math.floor(random() * Math.min(cafes.length, 50))];
      const person = random() < 0.8 ? `p${people - 1 - Math.floor(random() * Math.min(people, 200))}` : `p${Math.floor(random() * people)}`;
      const enrolmentId = `${cafe.id}/${person}/${position}`;
      out = emit(`cafe-${cafe.id}`, { type: 'ParticipantEnrolled', data: { cafeId: cafe.id, enrolmentId, participantId: person, at } });
      if (out) yield out;
      cafe.attendees += 1;
      out = emit(`cafe-${cafe.id}`, { type: 'AttendanceRecorded', data: { cafeId: cafe.id, participantId: person, enrolmentId, at } });
    }
    if (out) yield out;
  }
  if (batch.length) yield batch;
}
