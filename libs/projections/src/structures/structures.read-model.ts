import type { StructureRegistered } from '@cafeia/domain';
import { cafeContribution, sameContribution } from '../cafes/cafe-contribution';
import { isCafeChanged } from '../cafes/cafes.read-model';
import { bulkUpsert } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { STRUCTURE_COUNTERS, isZero, zeroCounters, type StructureCounters } from '../figures/counters';
import { reachContribution } from '../reach/participant-reach';
import { isReachChanged } from '../reach/reach.read-model';
import { STRUCTURE_REGISTRATION_COLUMNS, structureRegistration } from './structure-registration';
import { structuresMigrations } from './structures.tables';

interface StructuresBatch {
  registrations: Map<string, (string | null)[]>;
  counters: Map<string, StructureCounters>;
}

const countersOf = (batch: StructuresBatch, structureId: string): StructureCounters => {
  let counters = batch.counters.get(structureId);
  if (!counters) batch.counters.set(structureId, (counters = zeroCounters(STRUCTURE_COUNTERS)));
  return counters;
};

/**
 * The structures directory with their engagement: cafés held, anonymous headcounts and distinct named people.
 * The identity columns are set, the counters added as deltas, so a café may be counted before its structure's
 * registration is applied (Kafka partitions) and the two still meet in one row.
 */
export const structuresReadModel = readModel<StructuresBatch>({
  name: 'structures',
  handles: ['StructureRegistered', 'CafeChanged', 'ReachChanged'],
  migrations: structuresMigrations,
  begin: () => ({ registrations: new Map(), counters: new Map() }),

  apply(batch, message, _emit, _source, { placeOf }) {
    if (message.type === 'StructureRegistered') {
      const event = message as StructureRegistered;
      batch.registrations.set(event.data.structureId, structureRegistration(event, placeOf));
    } else if (isCafeChanged(message)) {
      if (sameContribution(message.before, message.after)) return;
      const was = cafeContribution(message.before, placeOf);
      const now = cafeContribution(message.after, placeOf);
      for (const [contribution, sign] of [[was, -1], [now, 1]] as const) {
        if (!contribution || (!contribution.held && contribution.anonymous === 0)) continue;
        const counters = countersOf(batch, contribution.structureId);
        counters.cafes_held += sign * (contribution.held ? 1 : 0);
        counters.anonymous += sign * contribution.anonymous;
      }
    } else if (isReachChanged(message)) {
      if (message.attended) {
        // one more café: a new structure for this person, or not
        const structureId = message.attended.structureId;
        if (!message.before.attended.some((entry) => entry[3] === structureId)) countersOf(batch, structureId).distinct_named += 1;
        return;
      }
      const was = reachContribution(message.before, placeOf).structures;
      const now = reachContribution(message.after, placeOf).structures;
      for (const id of was) if (!now.has(id)) countersOf(batch, id).distinct_named -= 1;
      for (const id of now) if (!was.has(id)) countersOf(batch, id).distinct_named += 1;
    }
  },

  async write(trx, batch, _context, written) {
    await bulkUpsert(trx, { table: 'structures', columns: STRUCTURE_REGISTRATION_COLUMNS, keys: ['structure_id'], onConflict: 'set', rows: [...batch.registrations.values()] });
    await bulkUpsert(trx, {
      table: 'structures',
      columns: ['structure_id', ...STRUCTURE_COUNTERS],
      keys: ['structure_id'],
      onConflict: 'add',
      rows: [...batch.counters].filter(([, c]) => !isZero(c)).map(([id, c]) => [id, ...STRUCTURE_COUNTERS.map((col) => c[col])]),
    });
    await written('structures');
  },
});
