import { randomBytes } from 'node:crypto';
import { candidateParticipantId, contactHashes, sealPersonalData } from '@cafeia/personal-data';
import { Random } from './random';

/** How many cafés a new person will attend at most: most come once, some come back (1–5 cafés). */
const QUOTA_WEIGHTS = [0.5, 0.25, 0.13, 0.07, 0.05];

const FIRST_NAMES = ['Camille', 'Léa', 'Louis', 'Gabriel', 'Chloé', 'Jules', 'Inès', 'Hugo', 'Manon', 'Arthur', 'Nadia', 'Yanis', 'Aïcha', 'Paul', 'Rose', 'Malik'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Nguyen', 'Diallo', 'Benali'];

export interface Person {
  participantId: string;
  /** revision of the person's stream (-1 before registration) */
  version: number;
}

export interface RegisteredPerson {
  person: Person;
  /** set when the person was just created: their ParticipantRegistered must be appended first */
  registration: { personalData: string; contactHashes: string[] } | null;
}

/**
 * The people of the dataset. Each new person gets a quota of cafés (1–5); while some remains they wait
 * in their department's pool, so a person comes back to cafés near home, as people do.
 * Ids are what the API would compute: a keyed hash of the normalised email (a UUID v8), with the
 * personal data sealed (AES-256-GCM) under a key of the person's own that the benchmark does not keep.
 */
export class People {
  private readonly pools = new Map<string, { people: Person[]; remaining: number[] }>();
  private readonly secret: Buffer;
  private keyPool = Buffer.alloc(0);
  private keyOffset = 0;
  count = 0;

  constructor(
    private readonly random: Random,
    /** share of enrolment slots offered first to someone who already came to a café in the department */
    private readonly returnRate = 0.45,
    seed = 1,
  ) {
    this.secret = Buffer.alloc(32, `cafeia-bench-participant-secret-${seed}`);
  }

  /** someone for a café in that department, not already among `present` */
  next(departmentCode: string, present: ReadonlySet<Person>): RegisteredPerson {
    const pool = this.pools.get(departmentCode);
    if (pool && pool.people.length > 0 && this.random.chance(this.returnRate)) {
      // a few tries: the person drawn may already be in this café
      for (let attempt = 0; attempt < 3; attempt++) {
        const i = Math.floor(this.random.next() * pool.people.length);
        const person = pool.people[i];
        if (present.has(person)) continue;
        if (--pool.remaining[i] === 0) {
          const last = pool.people.length - 1;
          pool.people[i] = pool.people[last];
          pool.remaining[i] = pool.remaining[last];
          pool.people.pop();
          pool.remaining.pop();
        }
        return { person, registration: null };
      }
    }
    return this.create(departmentCode);
  }

  private create(departmentCode: string): RegisteredPerson {
    const index = this.count++;
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    const email = `${first}.${last}.${index}@exemple.fr`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const person: Person = { participantId: candidateParticipantId(this.secret, { email }), version: -1 };
    const registration = {
      personalData: sealPersonalData(this.nextKey(), { email, name: `${first} ${last}` }),
      contactHashes: contactHashes(this.secret, { email }).all,
    };
    const quota = this.quota();
    if (quota > 1) {
      let pool = this.pools.get(departmentCode);
      if (!pool) this.pools.set(departmentCode, (pool = { people: [], remaining: [] }));
      pool.people.push(person);
      pool.remaining.push(quota - 1);
    }
    return { person, registration };
  }

  private quota(): number {
    let r = this.random.next();
    for (let i = 0; i < QUOTA_WEIGHTS.length; i++) {
      r -= QUOTA_WEIGHTS[i];
      if (r < 0) return i + 1;
    }
    return QUOTA_WEIGHTS.length;
  }

  /** a fresh 32-byte key per person, cut from a pooled random buffer */
  private nextKey(): Buffer {
    if (this.keyOffset + 32 > this.keyPool.length) {
      this.keyPool = randomBytes(32 * 4096);
      this.keyOffset = 0;
    }
    const key = this.keyPool.subarray(this.keyOffset, this.keyOffset + 32);
    this.keyOffset += 32;
    return key;
  }
}
