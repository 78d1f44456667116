import { SqliteEventStore, type StreamAppend } from '@cafeia/event-store';
import { isDomainEventType, schemaVersions } from '@cafeia/domain';
import { NationalDataset } from './national-dataset';

/** A small national dataset (300 cafés), generated once for every behaviour below. */
const dataset = new NationalDataset({ events: Number.MAX_SAFE_INTEGER, cafes: 300, seed: 42, batchEvents: 500 });
const batches: StreamAppend[][] = [...dataset.batches()];
const appends = batches.flat();
const events = appends.flatMap((a) => a.events.map((e) => ({ streamId: a.streamId, type: e.type, data: e.data as Record<string, any>, recordedAt: e.metadata.recordedAt })));

describe('the national dataset', () => {
  it('is accepted by the SQLite event store with every expected version it declares', async () => {
    const store = new SqliteEventStore(':memory:');
    for (const batch of batches) await store.appendMany(batch);
    expect(await store.headPosition()).toBe(String(events.length));
    await store.close();
  });

  it('is made of domain events at their current schema version, in time order', () => {
    const versions = new Set(appends.flatMap((a) => a.events.map((e) => `${e.type}:${e.schemaVersion}`)));
    for (const typeAndVersion of versions) {
      const [type, version] = typeAndVersion.split(':');
      expect(isDomainEventType(type)).toBe(true);
      expect(Number(version)).toBe(schemaVersions[type as keyof typeof schemaVersions]);
    }
    const times = events.map((e) => Date.parse(e.recordedAt));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
  });

  it('records attendance only for enrolments active in a café that is not cancelled and has started', () => {
    const cafes = new Map<string, { startsAt: number; cancelled: boolean; active: Map<string, string> }>();
    for (const { type, data } of events) {
      if (type === 'CafeScheduled') cafes.set(data.cafeId, { startsAt: Date.parse(data.startsAt), cancelled: false, active: new Map() });
      const cafe = data.cafeId ? cafes.get(data.cafeId) : undefined;
      if (type === 'CafeRescheduled') cafe!.startsAt = Date.parse(data.startsAt);
      if (type === 'CafeCancelled') cafe!.cancelled = true;
      if (type === 'ParticipantEnrolled') {
        expect(cafe!.cancelled).toBe(false);
        cafe!.active.set(data.enrolmentId, data.participantId);
      }
      if (type === 'EnrolmentCancelled') cafe!.active.delete(data.enrolmentId);
      if (type === 'AttendanceRecorded') {
        expect(cafe!.cancelled).toBe(false);
        expect(cafe!.active.get(data.enrolmentId)).toBe(data.participantId);
        expect(Date.parse(data.at)).toBeGreaterThanOrEqual(cafe!.startsAt);
      }
    }
  });

  it('registers each person before naming them, and has people come back to at most five cafés', () => {
    const registered = new Set<string>();
    const cafesOf = new Map<string, Set<string>>();
    for (const { type, data } of events) {
      if (type === 'ParticipantRegistered') registered.add(data.participantId);
      if (type === 'ParticipantEnrolled') {
        expect(registered.has(data.participantId)).toBe(true);
        const cafes = cafesOf.get(data.participantId) ?? new Set<string>();
        cafesOf.set(data.participantId, cafes.add(data.cafeId));
      }
    }
    const counts = [...cafesOf.values()].map((c) => c.size);
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    expect(counts.filter((n) => n > 1).length).toBeGreaterThan(counts.length * 0.2);
  });

  it('puts about one café in five in Paris, and the others across many communes', () => {
    const communes = events.filter((e) => e.type === 'CafeScheduled').map((e) => e.data.communeCode as string);
    const paris = communes.filter((code) => code.startsWith('751')).length / communes.length;
    expect(paris).toBeGreaterThan(0.13);
    expect(paris).toBeLessThan(0.27);
    expect(new Set(communes).size).toBeGreaterThan(communes.length / 3);
  });

  it('includes cancellations, anonymous headcounts, trainings and fundings', () => {
    const types = new Set(events.map((e) => e.type));
    for (const type of ['CafeCancelled', 'AnonymousHeadcountDeclared', 'EnrolmentCancelled', 'AnimatorCompletedTraining', 'FundingGranted', 'FunderRegistered', 'StructureRegistered']) {
      expect(types).toContain(type);
    }
  });
});
