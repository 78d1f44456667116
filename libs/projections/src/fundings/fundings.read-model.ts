import type { FunderRegistered, FundingGranted, FundingStructureAdded } from '@cafeia/domain';
import { bulkUpsert } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { funderRow, fundingRow } from './funding-rows';
import { fundingsMigrations } from './fundings.tables';

interface FundingsBatch {
  funders: Map<string, [string, string, string]>;
  fundings: Map<string, (string | number | null)[]>;
  structures: Map<string, [string, string]>;
}

/** Funders, their fundings and the structures each supports (what an audit starts from). */
export const fundingsReadModel = readModel<FundingsBatch>({
  name: 'fundings',
  handles: ['FunderRegistered', 'FundingGranted', 'FundingStructureAdded'],
  migrations: fundingsMigrations,
  begin: () => ({ funders: new Map(), fundings: new Map(), structures: new Map() }),
  apply(batch, message) {
    const supports = (fundingId: string, structureId: string) => batch.structures.set(`${fundingId}\u0000${structureId}`, [fundingId, structureId]);
    switch (message.type) {
      case 'FunderRegistered': {
        const event = message as FunderRegistered;
        batch.funders.set(event.data.funderId, funderRow(event));
        return;
      }
      case 'FundingGranted': {
        const event = message as FundingGranted;
        batch.fundings.set(event.data.fundingId, fundingRow(event));
        for (const structureId of event.data.structureIds) supports(event.data.fundingId, structureId);
        return;
      }
      case 'FundingStructureAdded': {
        const event = message as FundingStructureAdded;
        supports(event.data.fundingId, event.data.structureId);
        return;
      }
    }
  },
  async write(trx, batch, _context, written) {
    await bulkUpsert(trx, { table: 'funders', columns: ['funder_id', 'name', 'kind'], keys: ['funder_id'], onConflict: 'set', rows: [...batch.funders.values()] });
    await bulkUpsert(trx, {
      table: 'fundings',
      columns: ['funding_id', 'funder_id', 'from_date', 'to_date', 'amount_euros', 'target_people', 'target_cafes'],
      keys: ['funding_id'],
      onConflict: 'set',
      rows: [...batch.fundings.values()],
    });
    await bulkUpsert(trx, { table: 'funding_structures', columns: ['funding_id', 'structure_id'], keys: ['funding_id', 'structure_id'], onConflict: 'ignore', rows: [...batch.structures.values()] });
    await written('fundings');
  },
});
