import { Kysely } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';

export interface FundingRecord {
  fundingId: string;
  funder: { funderId: string; name: string | null; kind: string | null };
  period: { from: string; to: string };
  amountEuros: number | null;
  targets: { people: number | null; cafes: number | null };
  structureIds: string[];
}

export async function findFunding(db: Kysely<ReadModelDb>, id: string): Promise<FundingRecord | null> {
  const row = await db
    .selectFrom('fundings')
    .leftJoin('funders', 'funders.funder_id', 'fundings.funder_id')
    .select(['fundings.funding_id', 'fundings.funder_id', 'funders.name', 'funders.kind', 'fundings.from_date', 'fundings.to_date', 'fundings.amount_euros', 'fundings.target_people', 'fundings.target_cafes'])
    .where('fundings.funding_id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const structures = await db.selectFrom('funding_structures').select('structure_id').where('funding_id', '=', id).orderBy('structure_id').execute();
  return {
    fundingId: row.funding_id,
    funder: { funderId: row.funder_id, name: row.name, kind: row.kind },
    period: { from: row.from_date, to: row.to_date },
    amountEuros: row.amount_euros === null ? null : Number(row.amount_euros),
    targets: { people: row.target_people, cafes: row.target_cafes },
    structureIds: structures.map((s) => s.structure_id),
  };
}
