import { Kysely, sql } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { DAY_MS, isDate } from '../queries/calendar';
import { Page, PageRequest, pageOf } from '../queries/pages';
import { LEVEL_COLUMN, type PlaceCodes } from '../queries/place-codes';
import { TerritoryRef, parseTerritoryRef } from '../queries/territory-filter';
import { cafeFromRow } from './cafe-rows';
import { unreportedCondition } from '../reporting/reporting.queries';
import { CafeStatus, cafeStatus } from './cafe-view';
import type { CafeTable } from './cafes.tables';

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
  /** when its first attendance was recorded (null: none yet) */
  firstAttendanceAt: string | null;
}

/**
 * `unreported`: due (not cancelled, started more than 7 days ago) with no attendance, oldest first — whom a
 * coordinator should call (API.md "Reporting completeness")
 */
export type CafeStatusFilter = CafeStatus | 'unreported';

export interface CafeQuery extends PageRequest {
  territory?: string | TerritoryRef;
  /** a date (YYYY-MM-DD, from the start of that UTC day) or an instant */
  from?: string;
  /** a date (YYYY-MM-DD, through the end of that UTC day) or an instant (inclusive) */
  to?: string;
  status?: CafeStatusFilter;
  format?: string;
  /** an organizer's scope: only cafés of these structures */
  structureIds?: string[];
}

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
    territory: { commune: v.commune, department: v.department, region: v.region, epci: v.epci },
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
    firstAttendanceAt: v.firstAttendanceAtMs === null ? null : new Date(v.firstAttendanceAtMs).toISOString(),
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
    query = level === 'commune' ? query.where((eb) => eb.or([eb('commune', '=', code), eb('commune_code', '=', code)])) : query.where(LEVEL_COLUMN[level], '=', code);
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
  else if (q.status === 'unreported') query = query.where(unreportedCondition(nowMs));
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('starts_at_ms').orderBy('cafe_id').limit(pageSize).offset(offset).execute();
  return { items: rows.map((r) => toCafeItem(r, nowMs)), page, pageSize, total: Number(total.n) };
}

export async function upcomingCafes(db: Kysely<ReadModelDb>, territory: TerritoryRef, nowMs: number, limit = 10): Promise<CafeItem[]> {
  const rows = await db
    .selectFrom('cafes')
    .selectAll()
    .where(LEVEL_COLUMN[territory.level], '=', territory.code)
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

