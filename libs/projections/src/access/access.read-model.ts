import type { AccessGranted, AccessRevoked } from '@cafeia/domain';
import { bulkUpsert } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { accessMigrations } from './access.tables';

type Row = (string | null)[];

/** The access grants, as the sign-in reads them: the last grant of each email, and whether it was revoked. */
export const accessReadModel = readModel<Map<string, { granted?: Row; revokedAt?: string }>>({
  name: 'access',
  handles: ['AccessGranted', 'AccessRevoked'],
  migrations: accessMigrations,
  begin: () => new Map(),
  apply(batch, message) {
    if (message.type === 'AccessGranted') {
      const { grantId, scope, at } = (message as AccessGranted).data;
      const row: Row = [grantId, scope.role, scope.territory, scope.funderId, scope.structureIds ? JSON.stringify(scope.structureIds) : null, scope.networkId, at, null];
      batch.set(grantId, { granted: row });
    } else {
      const { grantId, at } = (message as AccessRevoked).data;
      batch.set(grantId, { ...batch.get(grantId), revokedAt: at });
    }
  },
  async write(trx, batch, _context, written) {
    const grants = [...batch.values()].flatMap((g) => (g.granted ? [g.revokedAt ? [...g.granted.slice(0, 7), g.revokedAt] : g.granted] : []));
    await bulkUpsert(trx, {
      table: 'access_grants',
      columns: ['grant_id', 'role', 'territory', 'funder_id', 'structure_ids', 'network_id', 'granted_at', 'revoked_at'],
      keys: ['grant_id'],
      onConflict: 'set',
      rows: grants,
    });
    // a revocation of a grant made in an earlier batch
    for (const [grantId, g] of batch) {
      if (!g.granted && g.revokedAt) await trx.updateTable('access_grants').set({ revoked_at: g.revokedAt }).where('grant_id', '=', grantId).execute();
    }
    await written('access_grants');
  },
});
