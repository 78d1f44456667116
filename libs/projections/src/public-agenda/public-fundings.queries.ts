import type { Kysely } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';

/** A funding agreement as open data (the SCDL subsidies file): organisations and amounts, no person. */
export interface PublicFundingRecord {
  id: string;
  funderName: string;
  from: string;
  to: string;
  amountEuros: number | null;
  beneficiaries: { id: string; name: string; siret: string | null }[];
}

/**
 * Every funding with its funder and the structures it supports (by id), their names and SIRET from the public
 * structures. Public bodies publish their grants (the SCDL is the regulatory format); funders and structures
 * are organisations, and nothing here names a person.
 */
export async function publicFundings(db: Kysely<ReadModelDb>): Promise<PublicFundingRecord[]> {
  const fundings = await db
    .selectFrom('fundings as f')
    .innerJoin('funders as d', 'd.funder_id', 'f.funder_id')
    .select(['f.funding_id', 'd.name as funder_name', 'f.from_date', 'f.to_date', 'f.amount_euros'])
    .orderBy('f.funding_id')
    .execute();
  const supported = await db
    .selectFrom('funding_structures as fs')
    .innerJoin('public_structures as s', 's.structure_id', 'fs.structure_id')
    .select(['fs.funding_id', 's.structure_id', 's.name', 's.siret'])
    .orderBy('fs.funding_id')
    .orderBy('s.structure_id')
    .execute();
  const byFunding = new Map<string, PublicFundingRecord['beneficiaries']>();
  for (const row of supported) {
    const list = byFunding.get(row.funding_id) ?? [];
    list.push({ id: row.structure_id, name: row.name, siret: row.siret });
    byFunding.set(row.funding_id, list);
  }
  return fundings.map((f) => ({
    id: f.funding_id,
    funderName: f.funder_name,
    from: f.from_date,
    to: f.to_date,
    amountEuros: f.amount_euros === null ? null : Number(f.amount_euros),
    beneficiaries: byFunding.get(f.funding_id) ?? [],
  }));
}
