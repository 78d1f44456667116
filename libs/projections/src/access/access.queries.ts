import type { Kysely } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';

export interface AccessGrant {
  grantId: string;
  role: string;
  territory: string | null;
  funderId: string | null;
  structureIds: string[] | null;
  networkId: string | null;
  grantedAt: string;
}

/** the live grant of that (hashed) email, null when none or revoked */
export async function findAccessGrant(db: Kysely<ReadModelDb>, grantId: string): Promise<AccessGrant | null> {
  const row = await db.selectFrom('access_grants').selectAll().where('grant_id', '=', grantId).executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  return {
    grantId: row.grant_id,
    role: row.role,
    territory: row.territory,
    funderId: row.funder_id,
    structureIds: row.structure_ids ? (JSON.parse(row.structure_ids) as string[]) : null,
    networkId: row.network_id,
    grantedAt: row.granted_at,
  };
}
