import { randomUUID } from 'node:crypto';
import type { ApiClient } from './http-client';

/**
 * A realistic load: structures and animators all over France (Paris arrondissements, Lyon and Marseille,
 * overseas departments), cafés from March to July around a pinned "now" (mid-June), people enrolling in
 * several cafés (the same person counts once), walk-ins, anonymous headcounts, cancelled enrolments,
 * rescheduled and cancelled cafés. Deterministic for a seed, so that a failure can be replayed.
 */

const COMMUNES = [
  '75101', '75104', '75111', '75115', '75118', '75120', '75056', // Paris and arrondissements
  '69123', '69381', '69387', '13055', '13201', '13208', // Lyon, Marseille (and arrondissements)
  '97411', '97416', '97209', '97302', '97611', '97101', // overseas
  '33063', '59350', '35238', '67482', '31555', '44109', '06088', '21231', '2A004', '63113', '29019', '87085', '45234', '80021', '25056', '76540',
];
const KINDS = ['school', 'media_library', 'library', 'social_centre', 'town_hall', 'third_place', 'association', 'company', 'university', 'other'];
const FORMATS = ['discussion', 'workshop', 'conference'];

export interface LoadSize {
  structures: number;
  animators: number;
  cafes: number;
  people: number;
}

export interface CafePlan {
  id: string;
  structureId: string;
  communeCode?: string;
  startsAt: string;
  capacity: number;
  /** indexes into the people pool */
  enrol: number[];
  /** enrolments cancelled afterwards */
  unenrol: number[];
  /** attendees (by email/phone), some of them never enrolled (walk-ins) */
  attend: number[];
  /** attendees given by participantId from their enrolment */
  attendById: number[];
  anonymous: number | null;
  rescheduleTo: string | null;
  cancel: boolean;
}

export interface Plan {
  structures: { id: string; name: string; kind: string; communeCode: string }[];
  animators: { id: string; displayName: string; communeCode: string; structureId: string; training: ('enrolled' | 'completed' | 'dropped')[]; capable: boolean }[];
  cafes: CafePlan[];
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function person(n: number): { email?: string; phone?: string; name: string } {
  // one in five gives only a phone, in French national form
  return n % 5 === 0 ? { phone: `0612${String(n).padStart(6, '0')}`, name: `Personne ${n}` } : { email: `Person.${n}@Example.org `, name: `Personne ${n}` };
}

export function makePlan(seed: number, size: LoadSize, now: Date): Plan {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const sample = (count: number, from: number): number[] => {
    const set = new Set<number>();
    while (set.size < Math.min(count, from)) set.add(Math.floor(random() * from));
    return [...set];
  };

  const structures = Array.from({ length: size.structures }, (_, i) => ({
    id: randomUUID(),
    name: `Structure ${i}`,
    kind: KINDS[i % KINDS.length],
    communeCode: COMMUNES[i % COMMUNES.length],
  }));
  const animators = Array.from({ length: size.animators }, (_, i) => {
    const roll = random();
    const training: Plan['animators'][number]['training'] =
      roll < 0.2 ? [] : roll < 0.45 ? ['enrolled'] : roll < 0.85 ? ['enrolled', 'completed'] : roll < 0.95 ? ['enrolled', 'dropped'] : ['enrolled', 'dropped', 'enrolled'];
    return { id: randomUUID(), displayName: `Animateur ${i}`, communeCode: pick(COMMUNES), structureId: pick(structures).id, training, capable: random() < 0.7 };
  });

  const from = Date.parse('2026-03-01T00:00:00Z');
  const to = Date.parse('2026-07-31T00:00:00Z');
  const cafes: CafePlan[] = Array.from({ length: size.cafes }, () => {
    const structure = pick(structures);
    const startsMs = from + Math.floor(random() * (to - from));
    const startsAt = new Date(startsMs - (startsMs % 900_000)).toISOString();
    const past = startsMs < now.getTime();
    const enrol = sample(int(4, 16), size.people);
    const cancel = !past && random() < 0.08;
    const attendees = past ? enrol.filter(() => random() < 0.75) : [];
    const walkIns = past ? sample(int(0, 3), size.people).filter((p) => !enrol.includes(p)) : [];
    const byId = attendees.filter(() => random() < 0.3);
    return {
      id: randomUUID(),
      structureId: structure.id,
      communeCode: random() < 0.2 ? pick(COMMUNES) : undefined,
      startsAt,
      capacity: int(8, 30),
      enrol,
      unenrol: enrol.filter((p) => !attendees.includes(p) && random() < 0.15),
      attend: [...attendees.filter((p) => !byId.includes(p)), ...walkIns],
      attendById: byId,
      anonymous: past && random() < 0.5 ? int(0, 12) : null,
      rescheduleTo: random() < 0.06 ? new Date(startsMs - 3_600_000).toISOString() : null,
      cancel,
    };
  });
  return { structures, animators, cafes };
}

export interface LoadReport {
  writes: number;
  /** the largest position a write answered */
  lastPosition: string;
  cafesCancelled: number;
}

/**
 * Runs the plan through the given APIs (round robin), `concurrency` cafés at a time.
 * `onProgress(done, total)` is called after each café, so the suite can disrupt the stack mid-load.
 */
export async function runLoad(apis: ApiClient[], plan: Plan, options: { concurrency: number; onProgress?: (done: number, total: number) => void }): Promise<LoadReport> {
  let turn = 0;
  let writes = 0;
  let last = 0n;
  const api = () => apis[turn++ % apis.length];
  const write = async (method: string, path: string, body?: unknown) => {
    const answer = await api().write(method, path, body);
    writes += 1;
    if (answer && typeof answer.position === 'string' && BigInt(answer.position) > last) last = BigInt(answer.position);
    return answer;
  };
  const pool = async <T>(items: T[], work: (item: T) => Promise<void>, after?: () => void) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < items.length) {
          const item = items[next++];
          await work(item);
          after?.();
        }
      }),
    );
  };

  await pool(plan.structures, async (s) => void (await write('POST', '/v1/structures', s)));
  await pool(plan.animators, async (a) => {
    await write('POST', '/v1/animators', { id: a.id, displayName: a.displayName, communeCode: a.communeCode, structureId: a.structureId });
    for (const status of a.training) await write('POST', `/v1/animators/${a.id}/training`, status === 'completed' ? { status, capable: a.capable } : { status });
  });

  let done = 0;
  let cancelled = 0;
  await pool(
    plan.cafes,
    async (cafe) => {
      await write('POST', '/v1/cafes', {
        id: cafe.id,
        structureId: cafe.structureId,
        title: `Café IA ${cafe.id.slice(0, 8)}`,
        format: FORMATS[cafe.capacity % FORMATS.length],
        startsAt: cafe.startsAt,
        ...(cafe.communeCode ? { communeCode: cafe.communeCode } : {}),
        capacity: cafe.capacity,
      });
      if (cafe.rescheduleTo) await write('POST', `/v1/cafes/${cafe.id}/reschedule`, { startsAt: cafe.rescheduleTo });
      const enrolments = new Map<number, { enrolmentId: string; participantId: string }>();
      for (const p of cafe.enrol) enrolments.set(p, await write('POST', `/v1/cafes/${cafe.id}/enrolments`, { participant: person(p) }));
      for (const p of cafe.unenrol) await write('DELETE', `/v1/cafes/${cafe.id}/enrolments/${enrolments.get(p)!.enrolmentId}`);
      if (cafe.cancel) {
        await write('POST', `/v1/cafes/${cafe.id}/cancel`, { reason: 'room unavailable' });
        cancelled += 1;
        return;
      }
      const attendees = [
        ...cafe.attend.map((p) => {
          const { email, phone } = person(p);
          return email ? { email } : { phone };
        }),
        ...cafe.attendById.map((p) => ({ participantId: enrolments.get(p)!.participantId })),
      ];
      // attendance in two calls, the second repeating a person (who must count once)
      if (attendees.length > 0) {
        const half = Math.ceil(attendees.length / 2);
        await write('POST', `/v1/cafes/${cafe.id}/attendance`, { attendees: attendees.slice(0, half) });
        await write('POST', `/v1/cafes/${cafe.id}/attendance`, { attendees: attendees.slice(half - 1), ...(cafe.anonymous !== null ? { anonymousCount: cafe.anonymous } : {}) });
      } else if (cafe.anonymous !== null) {
        await write('POST', `/v1/cafes/${cafe.id}/attendance`, { anonymousCount: cafe.anonymous });
      }
    },
    () => options.onProgress?.(++done, plan.cafes.length),
  );
  return { writes, lastPosition: last.toString(), cafesCancelled: cancelled };
}
