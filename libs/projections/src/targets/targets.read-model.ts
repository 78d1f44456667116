import type { TerritoryTargetSet } from '@cafeia/domain';
import { bulkUpsert } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { territoryTargetRow } from './territory-target';
import { targetsMigrations } from './targets.tables';

/** The targets the council set for territories; a territory without one gets its share of the national target. */
export const targetsReadModel = readModel<Map<string, [string, number, string]>>({
  name: 'targets',
  handles: ['TerritoryTargetSet'],
  migrations: targetsMigrations,
  begin: () => new Map(),
  apply(rows, message) {
    const row = territoryTargetRow(message as TerritoryTargetSet);
    rows.set(row[0], row);
  },
  async write(trx, rows, _context, written) {
    await bulkUpsert(trx, { table: 'territory_targets', columns: ['territory_key', 'people', 'set_at'], keys: ['territory_key'], onConflict: 'set', rows: [...rows.values()] });
    await written('territory_targets');
  },
});
