import type { DomainEvent, NetworkCreated, NetworkStructureAdded, NetworkStructureRemoved } from '@cafeia/domain';
import { isCafeChanged } from '../cafes/cafes.read-model';
import { bulkUpsert, selectByIds } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { NetworkPeople } from './network-people';
import { scopesOf } from './network-scopes';
import { networksMigrations } from './networks.tables';

interface NetworksBatch {
  created: Map<string, [string, string, string]>;
  /** `${networkId}|${structureId}` → membership after the batch's events, in their order */
  membership: Map<string, { networkId: string; structureId: string; member: boolean }>;
  /** the stored members among the pairs the batch touches */
  stored: Set<string>;
  /** [structureId, scope, participantId] of the batch's attendances */
  attendances: [string, string, string][];
}

const pair = (networkId: string, structureId: string): string => `${networkId}|${structureId}`;
const isMembership = (event: DomainEvent): event is NetworkStructureAdded | NetworkStructureRemoved =>
  event.type === 'NetworkStructureAdded' || event.type === 'NetworkStructureRemoved';

/**
 * Partner networks: their identity, their current members, and the people they reached (a set per network and
 * region, `network_people`). A membership change moves the structure's whole history in or out; the additive
 * figures are summed at read time over the members' cafés (see networks.queries.ts).
 */
export const networksReadModel = readModel<NetworksBatch>({
  name: 'networks',
  handles: ['NetworkCreated', 'NetworkStructureAdded', 'NetworkStructureRemoved', 'CafeChanged'],
  migrations: networksMigrations,
  begin: () => ({ created: new Map(), membership: new Map(), stored: new Set(), attendances: [] }),

  async load(trx, batch, events) {
    const networks = new Set<string>();
    for (const event of events) if (isMembership(event)) networks.add(event.data.networkId);
    if (networks.size === 0) return;
    const rows = await selectByIds<{ network_id: string; structure_id: string }>(trx, 'network_members', 'network_id', [...networks], { lock: true });
    for (const row of rows) batch.stored.add(pair(row.network_id, row.structure_id));
  },

  apply(batch, message) {
    if (message.type === 'NetworkCreated') {
      const { networkId, name, kind } = (message as NetworkCreated).data;
      batch.created.set(networkId, [networkId, name, kind]);
    } else if (message.type === 'NetworkStructureAdded' || message.type === 'NetworkStructureRemoved') {
      const { networkId, structureId } = (message as NetworkStructureAdded | NetworkStructureRemoved).data;
      batch.membership.set(pair(networkId, structureId), { networkId, structureId, member: message.type === 'NetworkStructureAdded' });
    } else if (isCafeChanged(message) && message.event.type === 'AttendanceRecorded') {
      const { participantId } = message.event.data;
      for (const scope of scopesOf(message.after)) batch.attendances.push([message.after.structureId, scope, participantId]);
    }
  },

  async write(trx, batch, _context, written) {
    await bulkUpsert(trx, { table: 'networks', columns: ['network_id', 'name', 'kind'], keys: ['network_id'], onConflict: 'set', rows: [...batch.created.values()] });
    await written('networks');

    const joined = [...batch.membership.values()].filter((m) => m.member && !batch.stored.has(pair(m.networkId, m.structureId)));
    const left = [...batch.membership.values()].filter((m) => !m.member && batch.stored.has(pair(m.networkId, m.structureId)));
    await bulkUpsert(trx, { table: 'network_members', columns: ['network_id', 'structure_id'], keys: ['network_id', 'structure_id'], onConflict: 'ignore', rows: joined.map((m) => [m.networkId, m.structureId]) });
    for (const m of left) await trx.deleteFrom('network_members').where('network_id', '=', m.networkId).where('structure_id', '=', m.structureId).execute();
    await written('network_members');

    // removals first (see NetworkPeople), then the whole history of the structures that joined, then attendances
    const people = new NetworkPeople(trx);
    for (const m of left) await people.structureLeft(m.networkId, m.structureId);
    for (const m of joined) await people.structureJoined(m.networkId, m.structureId);
    await people.attended(batch.attendances);
    await written('network_people');
  },
});
