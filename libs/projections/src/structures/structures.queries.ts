import { Kysely, sql } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { Page, PageRequest, pageOf } from '../queries/pages';
import { LEVEL_COLUMN, type PlaceCodes } from '../queries/place-codes';
import { TerritoryRef, parseTerritoryRef } from '../queries/territory-filter';
import type { StructureTable } from './structures.tables';

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

function toStructureItem(row: StructureTable, lastCafeMs: number | undefined): StructureItem {
  return {
    id: row.structure_id,
    name: row.name ?? '',
    kind: row.kind ?? 'other',
    communeCode: row.commune_code ?? '',
    siret: row.siret,
    territory: { commune: row.commune, department: row.department, region: row.region, epci: row.epci },
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
    query = level === 'commune' ? query.where((eb) => eb.or([eb('commune', '=', code), eb('commune_code', '=', code)])) : query.where(LEVEL_COLUMN[level], '=', code);
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

