import { Kysely } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { Page, pageOf } from '../queries/pages';

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

export interface FundingSummary {
  fundingId: string;
  funder: { funderId: string; name: string | null; kind: string | null };
  period: { from: string; to: string };
  amountEuros: number | null;
  targets: { people: number | null; cafes: number | null };
  structures: number;
}

/** the fundings (of one funder when given), the most recent period first */
export async function listFundings(db: Kysely<ReadModelDb>, query: { funderId?: string; page?: number; pageSize?: number }): Promise<Page<FundingSummary>> {
  const { page, pageSize, offset } = pageOf(query);
  let base = db.selectFrom('fundings').leftJoin('funders', 'funders.funder_id', 'fundings.funder_id');
  if (query.funderId) base = base.where('fundings.funder_id', '=', query.funderId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['fundings.funding_id', 'fundings.funder_id', 'funders.name', 'funders.kind', 'fundings.from_date', 'fundings.to_date', 'fundings.amount_euros', 'fundings.target_people', 'fundings.target_cafes'])
    .orderBy('fundings.from_date', 'desc')
    .orderBy('fundings.funding_id')
    .limit(pageSize)
    .offset(offset)
    .execute();
  const counts = rows.length
    ? await db
        .selectFrom('funding_structures')
        .select((eb) => ['funding_id', eb.fn.countAll<number>().as('n')])
        .where('funding_id', 'in', rows.map((r) => r.funding_id))
        .groupBy('funding_id')
        .execute()
    : [];
  const structures = new Map(counts.map((c) => [c.funding_id, Number(c.n)]));
  return {
    items: rows.map((row) => ({
      fundingId: row.funding_id,
      funder: { funderId: row.funder_id, name: row.name, kind: row.kind },
      period: { from: row.from_date, to: row.to_date },
      amountEuros: row.amount_euros === null ? null : Number(row.amount_euros),
      targets: { people: row.target_people, cafes: row.target_cafes },
      structures: structures.get(row.funding_id) ?? 0,
    })),
    page,
    pageSize,
    total: Number(total.n),
  };
}
