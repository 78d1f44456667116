import { Kysely, sql } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { Page, PageRequest, pageOf } from '../queries/pages';
import type { PublicAnimatorTable, PublicCafeTable, PublicStructureTable } from './public-agenda.tables';

/** A territory of the public listings: the four levels of the reference (an EPCI by its SIREN). */
export interface PublicTerritory {
  level: 'region' | 'department' | 'epci' | 'commune';
  code: string;
}

/** A café as the public read model holds it (names of places are the API's to add, from the reference). */
export interface PublicCafeRecord {
  id: string;
  title: string;
  format: string;
  startsAt: string;
  endsAt: string | null;
  online: boolean;
  audience: string | null;
  communeCode: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
  /** the host structure; name and kind null until its registration is applied */
  structure: { id: string; name: string | null; kind: string | null; communeCode: string | null; address: string | null; postalCode: string | null };
  placesLeft: number | null;
  status: 'scheduled' | 'held' | 'cancelled';
  reschedules: number;
  previousStartsAt: string | null;
}

export interface PublicStructureRecord {
  id: string;
  name: string;
  kind: string;
  siret: string | null;
  communeCode: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
  address: string | null;
  postalCode: string | null;
  updatedOn: string;
}

export interface PublicAnimatorRecord {
  id: string;
  displayName: string;
  communeCode: string;
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
  trainingStatus: 'none' | 'enrolled' | 'completed' | 'dropped';
}

export interface PublicCafeQuery extends PageRequest {
  territory?: PublicTerritory;
  /** inclusive bounds on the start, epoch ms */
  fromMs?: number;
  toMs?: number;
  format?: string;
  /** the listings leave cancelled cafés out; a calendar keeps them (STATUS:CANCELLED) */
  withCancelled?: boolean;
}

type Joined = PublicCafeTable & { structure_name: string | null; structure_kind: string | null; structure_commune: string | null; structure_address: string | null; structure_postal_code: string | null };

const toCafe = (row: Joined): PublicCafeRecord => ({
  id: row.cafe_id,
  title: row.title,
  format: row.format,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  online: Number(row.online) === 1,
  audience: row.audience,
  communeCode: row.commune_code,
  commune: row.commune,
  department: row.department,
  region: row.region,
  epci: row.epci,
  structure: {
    id: row.structure_id,
    name: row.structure_name,
    kind: row.structure_kind,
    communeCode: row.structure_commune,
    address: row.structure_address,
    postalCode: row.structure_postal_code,
  },
  placesLeft: row.places_left === null ? null : Number(row.places_left),
  status: row.status as PublicCafeRecord['status'],
  reschedules: Number(row.reschedules),
  previousStartsAt: row.previous_starts_at,
});

const toStructure = (row: PublicStructureTable): PublicStructureRecord => ({
  id: row.structure_id,
  name: row.name,
  kind: row.kind,
  siret: row.siret,
  communeCode: row.commune_code,
  commune: row.commune,
  department: row.department,
  region: row.region,
  epci: row.epci,
  address: row.address,
  postalCode: row.postal_code,
  updatedOn: row.updated_on,
});

const toAnimator = (row: PublicAnimatorTable): PublicAnimatorRecord => ({
  id: row.animator_id,
  displayName: row.display_name,
  communeCode: row.commune_code,
  commune: row.commune,
  department: row.department,
  region: row.region,
  epci: row.epci,
  trainingStatus: row.training_status as PublicAnimatorRecord['trainingStatus'],
});

/** Reads of the public read model only: no other table is reachable from here. */
export class PublicAgendaQueries {
  constructor(private readonly database: Kysely<ReadModelDb> | (() => Kysely<ReadModelDb>)) {}

  private get db(): Kysely<ReadModelDb> {
    return typeof this.database === 'function' ? this.database() : this.database;
  }

  private cafesQuery(q: PublicCafeQuery) {
    let query = this.db.selectFrom('public_cafes as c').leftJoin('public_structures as s', 's.structure_id', 'c.structure_id');
    if (q.territory) {
      const { level, code } = q.territory;
      // a commune also finds the cafés given with one of its arrondissements' codes
      query =
        level === 'commune'
          ? query.where((eb) => eb.or([eb('c.commune', '=', code), eb('c.commune_code', '=', code)]))
          : query.where(`c.${level}`, '=', code);
    }
    if (q.fromMs !== undefined) query = query.where('c.starts_at_ms', '>=', q.fromMs);
    if (q.toMs !== undefined) query = query.where('c.starts_at_ms', '<=', q.toMs);
    if (q.format) query = query.where('c.format', '=', q.format);
    if (!q.withCancelled) query = query.where('c.status', '!=', 'cancelled');
    return query;
  }

  private selectCafe<Q extends ReturnType<PublicAgendaQueries['cafesQuery']>>(query: Q) {
    return query.selectAll('c').select([
      's.name as structure_name',
      's.kind as structure_kind',
      's.commune_code as structure_commune',
      's.address as structure_address',
      's.postal_code as structure_postal_code',
    ]);
  }

  /** cafés by start then id, with the total */
  async cafes(q: PublicCafeQuery): Promise<Page<PublicCafeRecord>> {
    const { page, pageSize, offset } = pageOf(q);
    const query = this.cafesQuery(q);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await this.selectCafe(query).orderBy('c.starts_at_ms').orderBy('c.cafe_id').limit(pageSize).offset(offset).execute();
    return { items: (rows as Joined[]).map(toCafe), page, pageSize, total: Number(total.n) };
  }

  /** every café of a calendar (cancelled ones included), at most `limit`, soonest first */
  async calendar(q: { territory?: PublicTerritory; fromMs: number; limit: number }): Promise<PublicCafeRecord[]> {
    const rows = await this.selectCafe(this.cafesQuery({ ...q, withCancelled: true })).orderBy('c.starts_at_ms').orderBy('c.cafe_id').limit(q.limit).execute();
    return (rows as Joined[]).map(toCafe);
  }

  async cafe(id: string): Promise<PublicCafeRecord | null> {
    const row = await this.selectCafe(this.cafesQuery({ withCancelled: true }).where('c.cafe_id', '=', id)).executeTakeFirst();
    return row ? toCafe(row as Joined) : null;
  }

  /** the formats of the cafés still to come (the agenda's filter), as organizers wrote them */
  async formats(fromMs: number): Promise<string[]> {
    const rows = await this.db.selectFrom('public_cafes').select('format').distinct().where('starts_at_ms', '>=', fromMs).where('status', '!=', 'cancelled').orderBy('format').execute();
    return rows.map((r) => r.format);
  }

  async animators(q: PageRequest & { territory?: PublicTerritory }): Promise<Page<PublicAnimatorRecord>> {
    const { page, pageSize, offset } = pageOf(q);
    let query = this.db.selectFrom('public_animators');
    if (q.territory) {
      const { level, code } = q.territory;
      query = level === 'commune' ? query.where((eb) => eb.or([eb('commune', '=', code), eb('commune_code', '=', code)])) : query.where(level, '=', code);
    }
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('display_name').orderBy('animator_id').limit(pageSize).offset(offset).execute();
    return { items: rows.map(toAnimator), page, pageSize, total: Number(total.n) };
  }

  /** every structure, by id (the mediation places file) */
  async structures(): Promise<PublicStructureRecord[]> {
    const rows = await this.db.selectFrom('public_structures').selectAll().orderBy('structure_id').execute();
    return rows.map(toStructure);
  }

  /** the structures that hosted a café or have one to come (the others are not mediation places of Café IA yet) */
  async hostStructures(): Promise<PublicStructureRecord[]> {
    const rows = await this.db
      .selectFrom('public_structures')
      .selectAll()
      .where((eb) => eb.exists(eb.selectFrom('public_cafes').select(sql`1`.as('one')).whereRef('public_cafes.structure_id', '=', 'public_structures.structure_id').where('public_cafes.status', '!=', 'cancelled')))
      .orderBy('structure_id')
      .execute();
    return rows.map(toStructure);
  }
}
