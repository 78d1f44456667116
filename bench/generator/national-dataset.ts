/**
 * A national Café IA dataset, simulated in time order: ~100 events per café (at 10M events, ~100,000
 * cafés and ~2 million people), over a year and a half, through the real event shapes of
 * libs/domain/src/events.ts. Every append is what the command pipeline would have written:
 * one command → one stream append with its expected version, and a new person's registration appended
 * just before the café command that names them (same correlation id).
 *
 * What it models:
 * - cafés over communes by population, one in five in Paris (see communes.ts), more of them as the
 *   programme grows, fewer on Sundays; a month of cafés still to come at the end (enrolments only);
 * - structures (about 8 cafés each) with 1–3 animators who enrol in and complete (or drop) training;
 * - enrolments before the café (8 % cancelled), people coming back to 1–5 cafés near home, walk-ins
 *   enrolled on the way, no-shows, anonymous headcounts on 60 % of cafés;
 * - 5 % of cafés cancelled, 3 % rescheduled, a few late or corrected attendance records and
 *   reschedules after attendance (the audit anomalies), a few erasures (right to erasure);
 * - funders and fundings over sets of structures, and a few territory targets.
 */
import { randomUUID } from 'node:crypto';
import {
  DomainEvent,
  FUNDER_KINDS,
  STRUCTURE_KINDS,
  schemaVersions,
  streams,
  type FunderKind,
  type StructureKind,
} from '@cafeia/domain';
import { newEventId, type EventMetadataInput, type NewEvent, type StreamAppend } from '@cafeia/event-store';
import { CommunePick, CommuneSampler } from './communes';
import { People, Person } from './people';
import { MinHeap, Random } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const DATASET_START = Date.parse('2025-01-06T00:00:00Z');
export const DATASET_DAYS = 548; // a year and a half
/** the dataset's "now": cafés after it are still to come */
export const DATASET_NOW = DATASET_START + DATASET_DAYS * DAY;
const FUTURE_DAYS = 30;

const FORMATS = ['atelier', 'conférence', 'débat', 'démonstration', 'café-discussion'];
const AUDIENCES = [null, 'tout public', 'seniors', 'jeunes', 'parents', 'demandeurs d’emploi', 'agents publics'];
const TITLES = ['L’IA au quotidien', 'Démystifier ChatGPT', 'IA et emploi', 'IA : vrai ou faux ?', 'Écrire avec l’IA', 'L’IA et nos enfants', 'Images générées : comment les repérer'];
const CANCEL_REASONS = ['animateur indisponible', 'trop peu d’inscrits', 'salle indisponible', 'intempéries'];

export interface DatasetOptions {
  /** stop after (about) this many events: the first command boundary at or after it */
  events: number;
  seed?: number;
  /** events per appendMany batch (several streams per batch); default 1000 */
  batchEvents?: number;
  /** number of cafés; default: calibrated so that the plan yields a little more than `events` */
  cafes?: number;
}

interface Structure {
  id: string;
  stream: string;
  version: number;
  commune: CommunePick;
  organizer: string;
  animators: Animator[];
}

interface Animator {
  id: string;
  stream: string;
  version: number;
}

interface Cafe {
  id: string;
  stream: string;
  version: number;
  commune: CommunePick;
  startsAtMs: number;
  /** the start first scheduled (differs when a reschedule is planned) */
  firstStartsAtMs: number;
  scheduledAtMs: number;
  capacity: number | null;
  status: 'planned' | 'scheduled' | 'cancelled';
  /** people enrolled or attended: a person is drawn for a café at most once */
  present: Set<Person>;
  active: Map<Person, string>;
  attended: Set<Person>;
  anonymous: number;
  /** actions still to run; the sets are released when none is left */
  pending: number;
  structure: Structure | null;
  organizer: string;
}

type Action =
  | { kind: 'schedule'; cafe: Cafe }
  | { kind: 'enrol'; cafe: Cafe }
  | { kind: 'cancelEnrolment'; cafe: Cafe; person: Person }
  | { kind: 'reschedule'; cafe: Cafe; afterAttendance: boolean }
  | { kind: 'cancel'; cafe: Cafe }
  | { kind: 'attend'; cafe: Cafe; late: boolean }
  | { kind: 'training'; animator: Animator; step: 'completed' | 'dropped' }
  | { kind: 'erase'; person: Person }
  | { kind: 'funding' };

export interface DatasetStats {
  events: number;
  appends: number;
  batches: number;
  cafes: number;
  structures: number;
  animators: number;
  people: number;
  fundings: number;
  byType: Record<string, number>;
}

/** Events per café, measured once on a small pilot of the same model (used to size the café count). */
let eventsPerCafeEstimate: number | null = null;

export function estimateEventsPerCafe(seed = 7): number {
  if (eventsPerCafeEstimate !== null) return eventsPerCafeEstimate;
  const pilotCafes = 3000;
  const pilot = new NationalDataset({ events: Number.MAX_SAFE_INTEGER, cafes: pilotCafes, seed });
  for (const batch of pilot.batches()) void batch;
  eventsPerCafeEstimate = pilot.stats.events / pilotCafes;
  return eventsPerCafeEstimate;
}

export class NationalDataset {
  readonly stats: DatasetStats = { events: 0, appends: 0, batches: 0, cafes: 0, structures: 0, animators: 0, people: 0, fundings: 0, byType: {} };
  private readonly random: Random;
  private readonly communes: CommuneSampler;
  private readonly people: People;
  private readonly agenda = new MinHeap<Action>();
  private readonly structuresByCommune = new Map<string, Structure[]>();
  private readonly structures: Structure[] = [];
  private readonly funders: { id: string; stream: string; kind: FunderKind }[] = [];
  private readonly batchEvents: number;
  private readonly cafeCount: number;
  private batch: StreamAppend[] = [];
  private batchSize = 0;

  constructor(private readonly options: DatasetOptions) {
    const seed = options.seed ?? 20250106;
    this.random = new Random(seed);
    this.communes = new CommuneSampler();
    this.people = new People(this.random, 0.45, seed);
    this.batchEvents = options.batchEvents ?? 1000;
    // a margin: the pilot is small, so fewer of its people come back and it overestimates events per café
    // (by ~6 % at 10M); the surplus at the end of the period is cut at `events`
    this.cafeCount = options.cafes ?? Math.max(50, Math.ceil((options.events / estimateEventsPerCafe()) * 1.07));
  }

  /** The dataset as batches of stream appends, in time order; each batch is about `batchEvents` events. */
  *batches(): Generator<StreamAppend[]> {
    this.plan();
    while (this.agenda.size > 0 && this.stats.events < this.options.events) {
      const at = this.agenda.peekKey()!;
      if (at > DATASET_NOW) break;
      const action = this.agenda.pop()!;
      this.run(action, at);
      if (this.batchSize >= this.batchEvents) yield this.flush();
    }
    if (this.batch.length > 0) yield this.flush();
    this.stats.people = this.people.count;
  }

  private flush(): StreamAppend[] {
    const out = this.batch;
    this.batch = [];
    this.batchSize = 0;
    this.stats.batches++;
    return out;
  }

  // ---- the plan --------------------------------------------------------------------------------

  private plan(): void {
    const days = DATASET_DAYS + FUTURE_DAYS;
    // cafés starting on day d ∝ ramp(d) × weekday factor
    const weights = new Float64Array(days);
    let total = 0;
    for (let d = 0; d < days; d++) {
      const weekday = new Date(DATASET_START + d * DAY).getUTCDay();
      const w = (0.35 + (0.65 * Math.min(d, DATASET_DAYS)) / DATASET_DAYS) * (weekday === 0 ? 0.25 : weekday === 6 ? 0.7 : 1);
      weights[d] = w;
      total += w;
    }
    let planned = 0;
    for (let d = 0; d < days && planned < this.cafeCount; d++) {
      const exact = (weights[d] / total) * this.cafeCount;
      let n = Math.floor(exact) + (this.random.chance(exact - Math.floor(exact)) ? 1 : 0);
      n = Math.min(n, this.cafeCount - planned);
      for (let i = 0; i < n; i++) this.planCafe(DATASET_START + d * DAY);
      planned += n;
    }
    // before any café is scheduled (the first ones are scheduled up to 35 days before the period opens)
    const opening = DATASET_START - 40 * DAY;
    // a handful of territory targets set by the council at the start
    for (const region of ['84', '11', '76', '971', '974']) {
      this.append(
        streams.territoryTarget('region', region),
        'no_stream',
        [{ type: 'TerritoryTargetSet', data: { level: 'region', code: region, people: 20_000 + this.random.int(0, 30) * 5_000, at: iso(opening) } }],
        this.meta('council', 'council-1', opening),
      );
    }
    const funders = Math.max(3, Math.round(this.cafeCount / 2500));
    for (let i = 0; i < funders; i++) {
      const id = this.random.uuid();
      const kind = FUNDER_KINDS[i % FUNDER_KINDS.length];
      this.funders.push({ id, stream: streams.funder(id), kind });
      this.append(streams.funder(id), 'no_stream', [{ type: 'FunderRegistered', data: { funderId: id, name: `Financeur ${i + 1}`, kind } }], this.meta('council', 'council-1', opening));
    }
    // a funding round every ~10 days, once structures exist
    for (let t = DATASET_START + 20 * DAY; t < DATASET_NOW; t += 10 * DAY) {
      const rounds = Math.max(1, Math.round(this.cafeCount / 20_000));
      for (let i = 0; i < rounds; i++) this.agenda.push(t + this.random.int(8, 18) * HOUR, { kind: 'funding' });
    }
  }

  private planCafe(dayMs: number): void {
    const hour = this.random.pick([9, 10, 14, 15, 17, 18, 19]);
    const startsAtMs = dayMs + hour * HOUR + this.random.pick([0, 30]) * 60_000;
    const scheduledAtMs = startsAtMs - this.random.int(3, 35) * DAY - this.random.int(0, 10) * HOUR;
    const id = this.random.uuid();
    const cafe: Cafe = {
      id,
      stream: streams.cafe(id),
      version: -1,
      commune: this.communes.pick(this.random),
      startsAtMs,
      firstStartsAtMs: startsAtMs,
      scheduledAtMs: Math.max(scheduledAtMs, DATASET_START - 35 * DAY),
      capacity: this.random.chance(0.7) ? this.random.int(10, 50) : null,
      status: 'planned',
      present: new Set(),
      active: new Map(),
      attended: new Set(),
      anonymous: 0,
      pending: 1,
      structure: null,
      organizer: '',
    };
    this.stats.cafes++;
    this.agenda.push(cafe.scheduledAtMs, { kind: 'schedule', cafe });
  }

  private later(at: number, action: Action & { cafe?: Cafe }): void {
    if (at > DATASET_NOW) return;
    if (action.cafe) action.cafe.pending++;
    this.agenda.push(at, action);
  }

  // ---- running actions -------------------------------------------------------------------------

  private run(action: Action, at: number): void {
    switch (action.kind) {
      case 'schedule':
        this.schedule(action.cafe, at);
        break;
      case 'enrol':
        this.enrol(action.cafe, at);
        break;
      case 'cancelEnrolment':
        this.cancelEnrolment(action.cafe, action.person, at);
        break;
      case 'reschedule':
        this.reschedule(action.cafe, action.afterAttendance, at);
        break;
      case 'cancel':
        this.cancel(action.cafe, at);
        break;
      case 'attend':
        this.attend(action.cafe, action.late, at);
        break;
      case 'training':
        this.train(action.animator, action.step, at);
        return;
      case 'erase':
        this.erase(action.person, at);
        return;
      case 'funding':
        this.fund(at);
        return;
    }
    const cafe = action.cafe;
    if (--cafe.pending === 0) {
      // nothing more will happen to this café: let its people go
      cafe.present = EMPTY_SET;
      cafe.active = EMPTY_MAP;
      cafe.attended = EMPTY_SET;
    }
  }

  private schedule(cafe: Cafe, at: number): void {
    const structure = this.structureFor(cafe.commune, at);
    cafe.structure = structure;
    cafe.organizer = structure.organizer;
    // a reschedule moves the start later by a few days, decided before anyone could attend
    const rescheduled = this.random.chance(0.03) && cafe.startsAtMs - at > 2 * DAY;
    if (rescheduled) cafe.firstStartsAtMs = cafe.startsAtMs - Math.min(this.random.int(1, 5) * DAY, cafe.startsAtMs - at - DAY);
    const animatorIds = structure.animators.slice(0, this.random.int(1, structure.animators.length)).map((a) => a.id);
    this.cafeAppend(cafe, at, [
      {
        type: 'CafeScheduled',
        data: {
          cafeId: cafe.id,
          structureId: structure.id,
          title: this.random.pick(TITLES),
          format: this.random.pick(FORMATS),
          startsAt: iso(cafe.firstStartsAtMs),
          endsAt: this.random.chance(0.8) ? iso(cafe.firstStartsAtMs + 2 * HOUR) : null,
          communeCode: cafe.commune.code,
          capacity: cafe.capacity,
          audience: this.random.pick(AUDIENCES),
          online: this.random.chance(0.05),
          animatorIds,
          scheduledAt: iso(at),
        },
      },
    ]);
    cafe.status = 'scheduled';

    const enrolUntil = Math.min(cafe.startsAtMs, DATASET_NOW);
    const enrolments = this.random.int(8, 52);
    for (let i = 0; i < enrolments; i++) this.later(at + this.random.next() * (enrolUntil - at), { kind: 'enrol', cafe });
    if (rescheduled) this.later(at + this.random.next() * (Math.min(cafe.firstStartsAtMs, cafe.startsAtMs) - at), { kind: 'reschedule', cafe, afterAttendance: false });
    if (this.random.chance(0.05)) {
      this.later(at + (0.3 + 0.7 * this.random.next()) * (cafe.startsAtMs - at), { kind: 'cancel', cafe });
      return;
    }
    const recordAt = cafe.startsAtMs + HOUR + this.random.int(0, 72) * HOUR;
    this.later(recordAt, { kind: 'attend', cafe, late: false });
    if (this.random.chance(0.04)) this.later(recordAt + this.random.int(2, 60) * DAY, { kind: 'attend', cafe, late: true });
    if (this.random.chance(0.003)) this.later(recordAt + this.random.int(1, 20) * DAY, { kind: 'reschedule', cafe, afterAttendance: true });
  }

  private enrol(cafe: Cafe, at: number): void {
    if (cafe.status !== 'scheduled') return;
    const { person, registration } = this.people.next(cafe.commune.departmentCode, cafe.present);
    const meta = this.meta('organizer', cafe.organizer, at);
    if (registration) this.register(person, registration, meta, at);
    const enrolmentId = this.random.uuid();
    cafe.present.add(person);
    cafe.active.set(person, enrolmentId);
    this.cafeAppend(cafe, at, [{ type: 'ParticipantEnrolled', data: { cafeId: cafe.id, enrolmentId, participantId: person.participantId, at: iso(at) } }], meta);
    if (this.random.chance(0.08)) this.later(at + this.random.next() * Math.max(0, cafe.startsAtMs - at), { kind: 'cancelEnrolment', cafe, person });
  }

  private cancelEnrolment(cafe: Cafe, person: Person, at: number): void {
    const enrolmentId = cafe.active.get(person);
    if (cafe.status === 'planned' || enrolmentId === undefined || cafe.attended.has(person)) return;
    cafe.active.delete(person);
    this.cafeAppend(cafe, at, [{ type: 'EnrolmentCancelled', data: { cafeId: cafe.id, enrolmentId, participantId: person.participantId, at: iso(at) } }]);
  }

  private reschedule(cafe: Cafe, afterAttendance: boolean, at: number): void {
    if (cafe.status !== 'scheduled') return;
    const previous = afterAttendance ? cafe.startsAtMs : cafe.firstStartsAtMs;
    const next = afterAttendance ? cafe.startsAtMs - this.random.int(1, 3) * HOUR : cafe.startsAtMs;
    if (previous === next) return;
    cafe.startsAtMs = next;
    this.cafeAppend(cafe, at, [
      {
        type: 'CafeRescheduled',
        data: { cafeId: cafe.id, startsAt: iso(next), endsAt: null, previousStartsAt: iso(previous), afterAttendance: afterAttendance && cafe.attended.size + cafe.anonymous > 0, at: iso(at) },
      },
    ]);
  }

  private cancel(cafe: Cafe, at: number): void {
    if (cafe.status !== 'scheduled') return;
    cafe.status = 'cancelled';
    this.cafeAppend(cafe, at, [{ type: 'CafeCancelled', data: { cafeId: cafe.id, reason: this.random.pick(CANCEL_REASONS), at: iso(at) } }]);
  }

  /** one RecordAttendance command: who came (enrolled or walk-ins) and the anonymous headcount */
  private attend(cafe: Cafe, late: boolean, at: number): void {
    if (cafe.status !== 'scheduled' || at < cafe.startsAtMs) return;
    const meta = this.meta('organizer', cafe.organizer, at);
    const events: DomainEvent[] = [];
    const when = iso(at);
    if (!late) {
      for (const [person, enrolmentId] of cafe.active) {
        if (cafe.attended.has(person) || !this.random.chance(0.85)) continue;
        cafe.attended.add(person);
        events.push({ type: 'AttendanceRecorded', data: { cafeId: cafe.id, participantId: person.participantId, enrolmentId, at: when } });
      }
    }
    const walkIns = late ? this.random.int(1, 2) : this.random.int(0, Math.ceil(cafe.active.size * 0.3));
    for (let i = 0; i < walkIns; i++) {
      const { person, registration } = this.people.next(cafe.commune.departmentCode, cafe.present);
      if (registration) this.register(person, registration, meta, at);
      const enrolmentId = this.random.uuid();
      cafe.present.add(person);
      cafe.active.set(person, enrolmentId);
      cafe.attended.add(person);
      events.push({ type: 'ParticipantEnrolled', data: { cafeId: cafe.id, enrolmentId, participantId: person.participantId, at: when } });
      events.push({ type: 'AttendanceRecorded', data: { cafeId: cafe.id, participantId: person.participantId, enrolmentId, at: when } });
    }
    if (!late && (this.random.chance(0.6) || events.length === 0)) {
      const count = this.random.int(1, 25);
      events.push({ type: 'AnonymousHeadcountDeclared', data: { cafeId: cafe.id, count, previousCount: cafe.anonymous, at: when } });
      cafe.anonymous = count;
    }
    if (events.length > 0) this.cafeAppend(cafe, at, events, meta);
  }

  private register(person: Person, registration: { personalData: string; contactHashes: string[] }, meta: EventMetadataInput, at: number): void {
    this.append(
      streams.participant(person.participantId),
      'no_stream',
      [{ type: 'ParticipantRegistered', data: { participantId: person.participantId, personalData: registration.personalData, contactHashes: registration.contactHashes, at: iso(at) } }],
      meta,
    );
    person.version = 0;
    if (this.random.chance(0.001)) this.agenda.push(at + this.random.int(1, 200) * DAY, { kind: 'erase', person });
  }

  private erase(person: Person, at: number): void {
    if (at > DATASET_NOW || person.version !== 0) return;
    this.append(streams.participant(person.participantId), 0, [{ type: 'ParticipantErased', data: { participantId: person.participantId, at: iso(at) } }], this.meta('council', 'council-1', at));
    person.version = 1;
  }

  private structureFor(commune: CommunePick, at: number): Structure {
    let local = this.structuresByCommune.get(commune.code);
    if (local && local.length > 0 && !this.random.chance(1 / (local.length + 1) ** 1.2 / 3)) return this.random.pick(local);
    const id = this.random.uuid();
    const structure: Structure = { id, stream: streams.structure(id), version: -1, commune, organizer: `user:${this.random.uuid()}`, animators: [] };
    const kind: StructureKind = this.random.pick(STRUCTURE_KINDS);
    const meta = this.meta('coordinator', `user:coordinator-${commune.departmentCode}`, at);
    this.append(
      structure.stream,
      'no_stream',
      [{ type: 'StructureRegistered', data: { structureId: id, name: `${kindLabel(kind)} ${this.stats.structures + 1}`, kind, communeCode: commune.code, siret: this.random.chance(0.6) ? siret(this.random) : null, address: null, postalCode: null } }],
      meta,
    );
    structure.version = 0;
    const animators = this.random.int(1, 3);
    for (let i = 0; i < animators; i++) {
      const animatorId = this.random.uuid();
      const animator: Animator = { id: animatorId, stream: streams.animator(animatorId), version: -1 };
      this.append(animator.stream, 'no_stream', [{ type: 'AnimatorRegistered', data: { animatorId, displayName: `Animateur ${this.stats.animators + 1}`, communeCode: commune.code, structureId: id, listed: false } }], meta);
      animator.version = 0;
      this.stats.animators++;
      structure.animators.push(animator);
      if (this.random.chance(0.85)) {
        this.append(animator.stream, 0, [{ type: 'AnimatorEnrolledInTraining', data: { animatorId, at: iso(at) } }], meta);
        animator.version = 1;
        this.agenda.push(at + this.random.int(14, 90) * DAY, { kind: 'training', animator, step: this.random.chance(0.85) ? 'completed' : 'dropped' });
      }
    }
    if (!local) this.structuresByCommune.set(commune.code, (local = []));
    local.push(structure);
    this.structures.push(structure);
    this.stats.structures++;
    return structure;
  }

  private train(animator: Animator, step: 'completed' | 'dropped', at: number): void {
    if (at > DATASET_NOW) return;
    const meta = this.meta('coordinator', 'user:coordinator-training', at);
    const event: DomainEvent =
      step === 'completed'
        ? { type: 'AnimatorCompletedTraining', data: { animatorId: animator.id, capable: this.random.chance(0.1) ? null : this.random.chance(0.75), at: iso(at) } }
        : { type: 'AnimatorDroppedTraining', data: { animatorId: animator.id, at: iso(at) } };
    this.append(animator.stream, animator.version, [event], meta);
    animator.version++;
  }

  private fund(at: number): void {
    if (this.structures.length === 0 || this.funders.length === 0) return;
    const funder = this.random.pick(this.funders);
    const fundingId = this.random.uuid();
    const chosen = new Set<string>();
    const wanted = this.random.int(1, Math.min(20, this.structures.length));
    for (let i = 0; i < wanted * 2 && chosen.size < wanted; i++) chosen.add(this.random.pick(this.structures).id);
    const from = new Date(at).toISOString().slice(0, 10);
    const to = new Date(at + 365 * DAY).toISOString().slice(0, 10);
    const meta = this.meta('council', 'council-1', at);
    const stream = streams.funding(fundingId);
    this.append(
      stream,
      'no_stream',
      [
        {
          type: 'FundingGranted',
          data: {
            fundingId,
            funderId: funder.id,
            structureIds: [...chosen],
            from,
            to,
            amountEuros: this.random.chance(0.8) ? this.random.int(5, 200) * 1000 : null,
            targets: { people: this.random.chance(0.7) ? this.random.int(5, 100) * 100 : null, cafes: this.random.chance(0.5) ? this.random.int(10, 200) : null },
          },
        },
      ],
      meta,
    );
    this.stats.fundings++;
    if (this.random.chance(0.3)) {
      const extra = this.random.pick(this.structures).id;
      if (!chosen.has(extra)) this.append(stream, 0, [{ type: 'FundingStructureAdded', data: { fundingId, structureId: extra } }], meta);
    }
  }

  // ---- appends ---------------------------------------------------------------------------------

  private cafeAppend(cafe: Cafe, at: number, events: DomainEvent[], meta = this.meta('organizer', cafe.organizer, at)): void {
    this.append(cafe.stream, cafe.version === -1 ? 'no_stream' : cafe.version, events, meta);
    cafe.version += events.length;
  }

  private append(streamId: string, expectedVersion: number | 'no_stream', events: DomainEvent[], metadata: EventMetadataInput): void {
    const newEvents: NewEvent[] = events.map((event) => {
      this.stats.byType[event.type] = (this.stats.byType[event.type] ?? 0) + 1;
      return { eventId: newEventId(), type: event.type, data: event.data as Record<string, unknown>, metadata, schemaVersion: schemaVersions[event.type] };
    });
    this.batch.push({ streamId, events: newEvents, expectedVersion });
    this.batchSize += newEvents.length;
    this.stats.events += newEvents.length;
    this.stats.appends++;
  }

  private meta(role: string, sub: string, at: number): EventMetadataInput {
    return { correlationId: randomUUID(), causationId: null, actor: { sub, role }, recordedAt: iso(at) };
  }
}

const EMPTY_SET = new Set<never>();
const EMPTY_MAP = new Map<never, never>();

const iso = (ms: number): string => new Date(Math.round(ms)).toISOString();

function siret(random: Random): string {
  let out = '';
  for (let i = 0; i < 14; i++) out += String(random.int(0, 9));
  return out;
}

function kindLabel(kind: StructureKind): string {
  const labels: Record<StructureKind, string> = {
    school: 'École',
    media_library: 'Médiathèque',
    library: 'Bibliothèque',
    social_centre: 'Centre social',
    town_hall: 'Mairie',
    third_place: 'Tiers-lieu',
    association: 'Association',
    company: 'Entreprise',
    university: 'Université',
    other: 'Structure',
  };
  return labels[kind];
}
