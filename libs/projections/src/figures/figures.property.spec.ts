import fc from 'fast-check';
import type { DomainEvent } from '@cafeia/domain';
import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { FakeTerritories } from '../testing/fake-territories';
import { NOW, freshReadSide } from '../testing/read-side';
import type { Figures } from './figures';

/**
 * Random histories, checked figure by figure against a reference computed here from first principles
 * (sets of people per territory), independently of the projection's first-café bookkeeping.
 */

const territories = new FakeTerritories();
const COMMUNES = FakeTerritories.communeCodes;
const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;

type Op =
  | { op: 'schedule'; structure: number; commune: number; day: number; hour: number; zulu: boolean }
  | { op: 'reschedule'; cafe: number; day: number; hour: number }
  | { op: 'cancel'; cafe: number }
  | { op: 'enrol'; cafe: number; person: number }
  | { op: 'unenrol'; cafe: number; person: number }
  | { op: 'attend'; cafe: number; person: number }
  | { op: 'headcount'; cafe: number; count: number }
  | { op: 'erase'; person: number }
  | { op: 'train'; animator: number; step: 'enrolled' | 'completed' | 'dropped'; capable: boolean | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('schedule' as const), structure: fc.nat(3), commune: fc.nat(COMMUNES.length - 1), day: fc.integer({ min: -70, max: 30 }), hour: fc.integer({ min: 0, max: 23 }), zulu: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reschedule' as const), cafe: fc.nat(15), day: fc.integer({ min: -70, max: 30 }), hour: fc.integer({ min: 0, max: 23 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), cafe: fc.nat(15) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('enrol' as const), cafe: fc.nat(15), person: fc.nat(11) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unenrol' as const), cafe: fc.nat(15), person: fc.nat(11) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('attend' as const), cafe: fc.nat(15), person: fc.nat(11) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('headcount' as const), cafe: fc.nat(15), count: fc.nat(6) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('erase' as const), person: fc.nat(11) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('train' as const), animator: fc.nat(4), step: fc.constantFrom('enrolled' as const, 'completed' as const, 'dropped' as const), capable: fc.constantFrom(true, false, null) }),
  },
);

interface SimCafe {
  id: string;
  structureId: string;
  communeCode: string;
  startsAt: string;
  startsAtMs: number;
  cancelled: boolean;
  attendees: Set<string>;
  /** person → enrolment id of their active enrolment */
  active: Map<string, string>;
  anonymous: number;
  enrolments: number;
}

interface Sim {
  events: DomainEvent[];
  cafes: SimCafe[];
  animators: Map<string, { communeCode: string; status: 'none' | 'enrolled' | 'completed' | 'dropped'; capable: boolean | null }>;
}

const instant = (day: number, hour: number, zulu: boolean): string => {
  const ms = NOW_MS + day * DAY;
  const date = new Date(ms).toISOString().slice(0, 10);
  // the same instant written with an offset: projections must compare instants, not strings
  return zulu ? `${date}T${String(hour).padStart(2, '0')}:30:00Z` : new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:30:00Z`) + 2 * 3600_000).toISOString().slice(0, 19) + '+02:00';
};

/** Plays the operations under the domain's rules (the deciders' invariants), producing a valid history. */
function simulate(ops: Op[]): Sim {
  const sim: Sim = { events: [], cafes: [], animators: new Map() };
  const emit = (event: DomainEvent) => sim.events.push(event);
  for (let s = 0; s < 4; s += 1) emit(on.structureRegistered(`s${s}`, COMMUNES[(s * 5) % COMMUNES.length]));
  for (let a = 0; a < 5; a += 1) {
    const communeCode = COMMUNES[(a * 3 + 1) % COMMUNES.length];
    emit(on.animatorRegistered(`a${a}`, communeCode));
    sim.animators.set(`a${a}`, { communeCode, status: 'none', capable: null });
  }
  let enrolmentSeq = 0;
  for (const op of ops) {
    const cafe = 'cafe' in op ? sim.cafes[op.cafe % Math.max(1, sim.cafes.length)] : undefined;
    switch (op.op) {
      case 'schedule': {
        const startsAt = instant(op.day, op.hour, op.zulu);
        const c: SimCafe = {
          id: `c${sim.cafes.length}`,
          structureId: `s${op.structure}`,
          communeCode: COMMUNES[op.commune],
          startsAt,
          startsAtMs: Date.parse(startsAt),
          cancelled: false,
          attendees: new Set(),
          active: new Map(),
          anonymous: 0,
          enrolments: 0,
        };
        sim.cafes.push(c);
        emit(on.cafeScheduled(c.id, { structureId: c.structureId, communeCode: c.communeCode, startsAt }));
        break;
      }
      case 'reschedule': {
        if (!cafe || cafe.cancelled) break;
        const startsAt = instant(op.day, op.hour, true);
        if (Date.parse(startsAt) === cafe.startsAtMs) break;
        emit(on.cafeRescheduled(cafe.id, startsAt, cafe.startsAt, cafe.attendees.size > 0 || cafe.anonymous > 0));
        cafe.startsAt = startsAt;
        cafe.startsAtMs = Date.parse(startsAt);
        break;
      }
      case 'cancel':
        if (!cafe || cafe.cancelled || cafe.attendees.size > 0 || cafe.anonymous > 0) break;
        cafe.cancelled = true;
        emit(on.cafeCancelled(cafe.id));
        break;
      case 'enrol': {
        const person = `p${op.person}`;
        if (!cafe || cafe.cancelled || cafe.active.has(person)) break;
        const enrolmentId = `e${enrolmentSeq++}`;
        cafe.active.set(person, enrolmentId);
        emit(on.enrolled(cafe.id, person, enrolmentId));
        break;
      }
      case 'unenrol': {
        const person = `p${op.person}`;
        const enrolmentId = cafe?.active.get(person);
        if (!cafe || !enrolmentId || cafe.attendees.has(person)) break;
        cafe.active.delete(person);
        emit(on.enrolmentCancelled(cafe.id, person, enrolmentId));
        break;
      }
      case 'attend': {
        const person = `p${op.person}`;
        if (!cafe || cafe.cancelled || cafe.startsAtMs > NOW_MS || cafe.attendees.has(person)) break;
        let enrolmentId = cafe.active.get(person);
        if (!enrolmentId) {
          enrolmentId = `e${enrolmentSeq++}`;
          cafe.active.set(person, enrolmentId);
          emit(on.enrolled(cafe.id, person, enrolmentId));
        }
        cafe.attendees.add(person);
        emit(on.attended(cafe.id, person, enrolmentId));
        break;
      }
      case 'headcount':
        if (!cafe || cafe.cancelled || cafe.startsAtMs > NOW_MS || cafe.anonymous === op.count) break;
        emit(on.headcount(cafe.id, op.count, cafe.anonymous));
        cafe.anonymous = op.count;
        break;
      case 'erase':
        emit(on.participantErased(`p${op.person}`));
        break;
      case 'train': {
        const id = `a${op.animator}`;
        const animator = sim.animators.get(id)!;
        if (op.step === 'enrolled' && animator.status !== 'enrolled') {
          animator.status = 'enrolled';
          animator.capable = null;
          emit(on.trainingEnrolled(id));
        } else if (op.step !== 'enrolled' && animator.status === 'enrolled') {
          animator.status = op.step;
          animator.capable = op.step === 'completed' ? op.capable : null;
          emit(op.step === 'completed' ? on.trainingCompleted(id, op.capable) : on.trainingDropped(id));
        }
        break;
      }
    }
  }
  return sim;
}

const keysOfCafe = (c: SimCafe): string[] => ['nation', ...territories.keysOf(c.communeCode)];

/** The reference: every figure recomputed from the final state with plain sets. */
function referenceFigures(sim: Sim, key: string): Figures {
  const cafes = sim.cafes.filter((c) => keysOfCafe(c).includes(key));
  const live = cafes.filter((c) => !c.cancelled);
  const held = live.filter((c) => c.attendees.size + c.anonymous > 0);
  const people = new Set(live.flatMap((c) => [...c.attendees]));
  const anonymous = live.reduce((sum, c) => sum + c.anonymous, 0);
  const animators = [...sim.animators.values()].filter((a) => ['nation', ...territories.keysOf(a.communeCode)].includes(key));
  const trained = animators.filter((a) => a.status === 'completed');
  return {
    attendances: live.reduce((sum, c) => sum + c.attendees.size, 0) + anonymous,
    distinctParticipants: people.size,
    anonymousAttendees: anonymous,
    peopleReached: people.size + anonymous,
    cafesHeld: held.length,
    cafesScheduled: live.filter((c) => c.startsAtMs > NOW_MS).length,
    cafesCancelled: cafes.filter((c) => c.cancelled).length,
    structuresActive: new Set(held.map((c) => c.structureId)).size,
    shareOutsideParis: held.length === 0 ? null : held.filter((c) => !territories.isParis(c.communeCode)).length / held.length,
    animatorsTrained: trained.length,
    animatorsInTraining: animators.filter((a) => a.status === 'enrolled').length,
    shareTrainedCapable: trained.length === 0 ? null : trained.filter((a) => a.capable === true).length / trained.length,
    reporting: referenceReporting(live),
  };
}

/** reporting completeness at NOW: due = started more than 7 days ago; on time = first attendance within 7 days of the start */
function referenceReporting(live: SimCafe[]) {
  const due = live.filter((c) => c.startsAtMs < NOW_MS - 7 * DAY);
  const reported = due.filter((c) => c.attendees.size + c.anonymous > 0);
  const onTime = reported.filter((c) => Date.parse('2026-01-01T00:00:00.000Z') <= c.startsAtMs + 7 * DAY);
  return {
    cafesDue: due.length,
    cafesReported: reported.length,
    cafesReportedOnTime: onTime.length,
    completeness: due.length === 0 ? null : reported.length / due.length,
    timeliness: due.length === 0 ? null : onTime.length / due.length,
  };
}

/** national people reached counting only cafés that started before `cutoffMs` */
function referenceReachedBefore(sim: Sim, cutoffMs: number): number {
  const before = sim.cafes.filter((c) => !c.cancelled && c.startsAtMs < cutoffMs);
  return new Set(before.flatMap((c) => [...c.attendees])).size + before.reduce((sum, c) => sum + c.anonymous, 0);
}

const allKeys = [
  'nation',
  ...territories.all('region').map((t) => `region:${t.code}`),
  ...territories.all('department').map((t) => `department:${t.code}`),
  ...territories.all('commune').map((t) => `commune:${t.code}`),
];

describeOnBothDialects('figures of random histories', (dialect) => {
  it('match a reference computed from first principles, for every territory and nationally', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 90 }), fc.integer({ min: 1, max: 40 }), fc.nat(), async (ops, batchSize, replaySeed) => {
        const sim = simulate(ops);
        const log = new EventLog().add(...sim.events);
        const side = await freshReadSide(dialect);
        // batches of random size, and a random stretch of the log delivered a second time (at-least-once)
        await side.apply(log, batchSize);
        const replayFrom = replaySeed % log.events.length;
        await side.engine.apply(log.events.slice(replayFrom, replayFrom + batchSize * 2));

        for (const key of allKeys) expect({ key, figures: await side.queries.figuresOf(key) }).toEqual({ key, figures: referenceFigures(sim, key) });
        for (const level of ['region', 'department', 'commune'] as const) {
          const ranking = await side.queries.territories(level, { pageSize: 500 });
          for (const item of ranking.items) expect({ key: `${level}:${item.code}`, figures: item.figures }).toEqual({ key: `${level}:${item.code}`, figures: referenceFigures(sim, `${level}:${item.code}`) });
        }

        const progress = await side.queries.progress();
        expect(progress.pacePerDay * 28).toBeCloseTo(progress.figures.peopleReached - referenceReachedBefore(sim, NOW_MS - 28 * DAY), 6);

        const timeline = await side.queries.timeline({ granularity: 'week', from: '2026-03-01', to: '2026-08-31' });
        for (const bucket of timeline.buckets) {
          expect({ end: bucket.end, reached: bucket.peopleReached }).toEqual({ end: bucket.end, reached: referenceReachedBefore(sim, Date.parse(`${bucket.end}T00:00:00Z`) + DAY) });
        }

        const structures = await side.queries.structures({ pageSize: 500 });
        for (const s of structures.items) {
          const held = sim.cafes.filter((c) => c.structureId === s.id && !c.cancelled && c.attendees.size + c.anonymous > 0);
          const mine = sim.cafes.filter((c) => c.structureId === s.id && !c.cancelled);
          const reached = new Set(mine.flatMap((c) => [...c.attendees])).size + mine.reduce((sum, c) => sum + c.anonymous, 0);
          expect({ id: s.id, cafesHeld: s.cafesHeld, peopleReached: s.peopleReached }).toEqual({ id: s.id, cafesHeld: held.length, peopleReached: reached });
        }

        const cafes = await side.queries.cafes({ pageSize: 500 });
        expect(cafes.total).toBe(sim.cafes.length);
        for (const c of cafes.items) {
          const ref = sim.cafes.find((x) => x.id === c.id)!;
          expect({ id: c.id, enrolled: c.enrolled, attended: c.attendedNamed, anonymous: c.anonymous, status: c.status }).toEqual({
            id: ref.id,
            enrolled: ref.active.size,
            attended: ref.attendees.size,
            anonymous: ref.anonymous,
            status: ref.cancelled ? 'cancelled' : ref.attendees.size + ref.anonymous > 0 ? 'held' : 'scheduled',
          });
        }
      }),
      { numRuns: dialect.kind === 'sqlite' ? 60 : 30 },
    );
  }, 120_000);
});
