import { Kysely } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { Page, PageRequest, pageOf } from '../queries/pages';
import { LEVEL_COLUMN, type PlaceCodes } from '../queries/place-codes';
import { TerritoryRef, parseTerritoryRef } from '../queries/territory-filter';
import { animatorFromRow } from './animator-rows';
import type { AnimatorTrainingStatus } from './animator-view';
import type { AnimatorTable } from './animators.tables';

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

function toAnimatorItem(row: AnimatorTable): AnimatorItem {
  const v = animatorFromRow(row);
  return {
    id: v.animatorId,
    displayName: v.displayName,
    communeCode: v.communeCode,
    structureId: v.structureId,
    territory: { commune: v.commune, department: v.department, region: v.region, epci: v.epci },
    trainingStatus: v.trainingStatus,
    training: { status: v.trainingStatus, capable: v.capable, updatedAt: v.trainingUpdatedAt },
  };
}

export async function listAnimators(db: Kysely<ReadModelDb>, q: AnimatorQuery): Promise<Page<AnimatorItem>> {
  const { page, pageSize, offset } = pageOf(q);
  let query = db.selectFrom('animators');
  if (q.territory) {
    const { level, code } = parseTerritoryRef(q.territory);
    query = level === 'commune' ? query.where((eb) => eb.or([eb('commune', '=', code), eb('commune_code', '=', code)])) : query.where(LEVEL_COLUMN[level], '=', code);
  }
  if (q.training) query = query.where('training_status', '=', q.training);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('display_name').orderBy('animator_id').limit(pageSize).offset(offset).execute();
  return { items: rows.map(toAnimatorItem), page, pageSize, total: Number(total.n) };
}
