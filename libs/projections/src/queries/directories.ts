import { Kysely, sql } from 'kysely';
import type { AnimatorTable, CafeTable, ReadModelDb, StructureTable } from '../schema/read-model-db';
import { cafeFromRow } from '../cafes/cafe-rows';
import { CafeStatus, cafeStatus } from '../cafes/cafe-view';
import type { AnimatorTrainingStatus } from '../animators/animator-view';
import { animatorFromRow } from '../animators/animator-rows';
import { DAY_MS, isDate } from './calendar';
import { Page, PageRequest, pageOf } from './pages';
import { TerritoryRef, parseTerritoryRef } from './territory-filter';

export interface PlaceCodes {
  commune: string | null;
  department: string | null;
  region: string | null;
}

export interface CafeItem {
  id: string;
  structureId: string;
  title: string;
  format: string;
  startsAt: string;
  endsAt: string | null;
  /** as given (may be an arrondissement) */
  communeCode: string;
  /** the commune, department and region it counts toward */
  territory: PlaceCodes;
  status: CafeStatus;
  /** scheduled, started, and no attendance reported yet */
  awaitingAttendance: boolean;
  capacity: number | null;
  audience: string | null;
  online: boolean;
  animatorIds: string[];
  /** active enrolments */
  enrolled: number;
  /** named attendees */
  attended: number;
  attendedNamed: number;
  anonymous: number;
  /** named attendees plus the anonymous headcount */
  attendances: number;
  scheduledAt: string;
  cancellationReason: string | null;
  cancelledAt: string | null;
  rescheduledAfterAttendance: boolean;
}

export interface CafeQuery extends PageRequest {
  territory?: string | TerritoryRef;
  /** a date (YYYY-MM-DD, from the start of that UTC day) or an instant */
  from?: string;
  /** a date (YYYY-MM-DD, through the end of that UTC day) or an instant (inclusive) */
  to?: string;
  status?: CafeStatus;
  format?: string;
  /** an organizer's scope: only cafés of these structures */
  structureIds?: string[];
}

export interface StructureItem {
  id: string;
  name: string;
  kind: string;
  communeCode: string;
  siret: string | null;
  territory: PlaceCodes;
  cafesHeld: number;
  /** distinct named attendees across its cafés plus its anonymous headcounts */
  peopleReached: number;
  distinctParticipants: number;
  anonymousAttendees: number;
  /** start of its most recent held café */
  lastCafeAt: string | null;
}

export interface StructureQuery extends PageRequest {
  territory?: string | TerritoryRef;
  /** 'engagement': people reached, then cafés held, descending; default: by name */
  sort?: 'engagement' | 'name';
  structureIds?: string[];
}

export interface AnimatorItem {
  id: string;
  displayName: string;
  communeCode: string;
  structureId: string | null;
  territory: PlaceCodes;
  trainingStatus: AnimatorTrainingStatus;
  training: { status: AnimatorTrainingStatus; capable: boolean | null; updatedAt: string | null };
}

export interface AnimatorQuery extends PageRequest {
  territory?: string | TerritoryRef;
  training?: AnimatorTrainingStatus;
}

const levelColumn = { region: 'region', department: 'department', commune: 'commune' } as const;

export function toCafeItem(row: CafeTable, nowMs: number): CafeItem {
  const v = cafeFromRow(row);
  const status = cafeStatus(v);
  return {
    id: v.cafeId,
    structureId: v.structureId,
    title: v.title,
    format: v.format,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    communeCode: v.communeCode,
    territory: { commune: v.commune, department: v.department, region: v.region },
    status,
    awaitingAttendance: status === 'scheduled' && v.startsAtMs <= nowMs,
    capacity: v.capacity,
    audience: v.audience,
    online: v.online,
    animatorIds: v.animatorIds,
    enrolled: v.enrolled,
    attended: v.attendedNamed,
    attendedNamed: v.attendedNamed,
    anonymous: v.anonymous,
    attendances: v.attendedNamed + v.anonymous,
    scheduledAt: v.scheduledAt,
    cancellationReason: v.cancellationReason,
    cancelledAt: v.cancelledAt,
    rescheduledAfterAttendance: v.rescheduledAfterAttendance,
  };
}

const boundMs = (value: string, end: boolean): number => {
  if (isDate(value)) return Date.parse(`${value}T00:00:00Z`) + (end ? DAY_MS - 1 : 0);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a date or instant: ${value}`);
  return ms;
};

export async function listCafes(db: Kysely<ReadModelDb>, q: CafeQuery, nowMs: number): Promise<Page<CafeItem>> {
  const { page, pageSize, offset } = pageOf(q);
  let query = db.selectFrom('cafes');
  if (q.territory) {
    const { level, code } = parseTerritoryRef(q.territory);
    // a commune filter also finds the cafés given with that arrondissement code
    query = level === 'commune' ? query.where((eb) => eb.or([eb('commune', '=', code), eb('commune_code', '=', code)])) : query.where(levelColumn[level], '=', code);
  }
  if (q.from) query = query.where('starts_at_ms', '>=', boundMs(q.from, false));
  if (q.to) query = query.where('starts_at_ms', '<=', boundMs(q.to, true));
  if (q.format) query = query.where('format', '=', q.format);
  if (q.structureIds) {
    if (q.structureIds.length === 0) return { items: [], page, pageSize, total: 0 };
    query = query.where('structure_id', 'in', q.structureIds);
  }
  if (q.status === 'cancelled') query = query.where('cancelled', '=', 1);
  else if (q.status === 'held') query = query.where('cancelled', '=', 0).where(sql<number>`attended_named + anonymous`, '>', 0);
  else if (q.status === 'scheduled') query = query.where('cancelled', '=', 0).where(sql<number>`attended_named + anonymous`, '=', 0);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('starts_at_ms').orderBy('cafe_id').limit(pageSize).offset(offset).execute();
  return { items: rows.map((r) => toCafeItem(r, nowMs)), page, pageSize, total: Number(total.n) };
}

export async function upcomingCafes(db: Kysely<ReadModelDb>, territory: TerritoryRef, nowMs: number, limit = 10): Promise<CafeItem[]> {
  const rows = await db
    .selectFrom('cafes')
    .selectAll()
    .where(levelColumn[territory.level], '=', territory.code)
    .where('cancelled', '=', 0)
    .where('starts_at_ms', '>', nowMs)
    .orderBy('starts_at_ms')
    .orderBy('cafe_id')
    .limit(limit)
    .execute();
  return rows.map((r) => toCafeItem(r, nowMs));
}

export async function findCafe(db: Kysely<ReadModelDb>, id: string, nowMs: number): Promise<CafeItem | null> {
  const row = await db.selectFrom('cafes').selectAll().where('cafe_id', '=', id).executeTakeFirst();
  return row ? toCafeItem(row, nowMs) : null;
}

function toStructureItem(row: StructureTable, lastCafeMs: number | undefined): StructureItem {
  return {
    id: row.structure_id,
    name: row.name ?? '',
    kind: row.kind ?? 'other',
    communeCode: row.commune_code ?? '',
    siret: row.siret,
    territory: { commune: row.commune, department: row.department, region: row.region },
    cafesHeld: Number(row.cafes_held),
    peopleReached: Number(row.distinct_named) + Number(row.anonymous),
    distinctParticipants: Number(row.distinct_named),
    anonymousAttendees: Number(row.anonymous),
    lastCafeAt: lastCafeMs === undefined ? null : new Date(lastCafeMs).toISOString(),
  };
}

export async function listStructures(db: Kysely<ReadModelDb>, q: StructureQuery): Promise<Page<StructureItem>> {
  const { page, pageSize, offset } = pageOf(q);
  // a structure's counters may exist before its registration is applied: list registered ones only
  let query = db.selectFrom('structures').where('name', 'is not', null);
  if (q.territory) {
    const { level, code } = parseTerritoryRef(q.territory);
    query = level === 'commune' ? query.where((eb) => eb.or([eb('commune', '=', code), eb('commune_code', '=', code)])) : query.where(levelColumn[level], '=', code);
  }
  if (q.structureIds) {
    if (q.structureIds.length === 0) return { items: [], page, pageSize, total: 0 };
    query = query.where('structure_id', 'in', q.structureIds);
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let ordered = query.selectAll();
  ordered =
    q.sort === 'engagement'
      ? ordered.orderBy(sql`distinct_named + anonymous`, 'desc').orderBy('cafes_held', 'desc').orderBy('name').orderBy('structure_id')
      : ordered.orderBy('name').orderBy('structure_id');
  const rows = await ordered.limit(pageSize).offset(offset).execute();
  const last = await lastHeldCafe(db, rows.map((r) => r.structure_id));
  return { items: rows.map((r) => toStructureItem(r, last.get(r.structure_id))), page, pageSize, total: Number(total.n) };
}

/** the start of each structure's most recent held café (few rows per page, on the cafes_structure index) */
async function lastHeldCafe(db: Kysely<ReadModelDb>, structureIds: string[]): Promise<Map<string, number>> {
  if (structureIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('cafes')
    .select((eb) => ['structure_id', eb.fn.max<number>('starts_at_ms').as('last')])
    .where('structure_id', 'in', structureIds)
    .where('cancelled', '=', 0)
    .where(sql<number>`attended_named + anonymous`, '>', 0)
    .groupBy('structure_id')
    .execute();
  return new Map(rows.map((r) => [r.structure_id, Number(r.last)]));
}

export async function topStructures(db: Kysely<ReadModelDb>, territory: TerritoryRef, limit = 10): Promise<StructureItem[]> {
  return (await listStructures(db, { territory, sort: 'engagement', page: 1, pageSize: limit })).items;
}

function toAnimatorItem(row: AnimatorTable): AnimatorItem {
  const v = animatorFromRow(row);
  return {
    id: v.animatorId,
    displayName: v.displayName,
    communeCode: v.communeCode,
    structureId: v.structureId,
    territory: { commune: v.commune, department: v.department, region: v.region },
    trainingStatus: v.trainingStatus,
    training: { status: v.trainingStatus, capable: v.capable, updatedAt: v.trainingUpdatedAt },
  };
}

export async function listAnimators(db: Kysely<ReadModelDb>, q: AnimatorQuery): Promise<Page<AnimatorItem>> {
  const { page, pageSize, offset } = pageOf(q);
  let query = db.selectFrom('animators');
  if (q.territory) {
    const { level, code } = parseTerritoryRef(q.territory);
    query = level === 'commune' ? query.where((eb) => eb.or([eb('commune', '=', code), eb('commune_code', '=', code)])) : query.where(levelColumn[level], '=', code);
  }
  if (q.training) query = query.where('training_status', '=', q.training);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('display_name').orderBy('animator_id').limit(pageSize).offset(offset).execute();
  return { items: rows.map(toAnimatorItem), page, pageSize, total: Number(total.n) };
}
