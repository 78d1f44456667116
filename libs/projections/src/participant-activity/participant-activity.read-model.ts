import type { DomainEvent } from '@cafeia/domain';
import { bulkUpsert, selectByIds } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { participantActivityMigrations, type ParticipantActivityTable } from './participant-activity.tables';

/** the facts that say a person is still taking part; their `at` is when it happened */
const ACTIVITY = new Set(['ParticipantRegistered', 'ParticipantEnrolled', 'AttendanceRecorded']);

type PersonEvent = { type: string; data: { participantId: string; at: string } };

interface Activity {
  lastMs: number;
  erased: boolean;
}

interface ActivityBatch {
  people: Map<string, Activity>;
  dirty: Set<string>;
}

const atMs = (at: string): number => {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? 0 : ms;
};

/**
 * The last activity of each person, for retention (`RETENTION_MONTHS`): the latest registration, enrolment or
 * attendance, and whether they have been erased since. Facts of one person arrive from several streams (their
 * own, and every café's), so concurrent writers lock the rows they fold.
 */
export const participantActivityReadModel = readModel<ActivityBatch>({
  name: 'participant-activity',
  handles: [...ACTIVITY, 'ParticipantErased'],
  migrations: participantActivityMigrations,
  begin: () => ({ people: new Map(), dirty: new Set() }),

  async load(trx, batch, events: readonly DomainEvent[], context) {
    const ids = new Set<string>();
    for (const event of events) if (ACTIVITY.has(event.type) || event.type === 'ParticipantErased') ids.add((event as PersonEvent).data.participantId);
    const sorted = [...ids].sort();
    const shared = context.writers === 'shared' && context.dialect === 'postgres';
    // placeholders first, so that rows created by this batch are locked too
    if (shared) await bulkUpsert(trx, { table: 'participant_activity', columns: ['participant_id', 'last_activity_ms'], keys: ['participant_id'], rows: sorted.map((id) => [id, 0]), onConflict: 'ignore' });
    for (const row of await selectByIds<ParticipantActivityTable>(trx, 'participant_activity', 'participant_id', sorted, { lock: shared })) {
      batch.people.set(row.participant_id, { lastMs: Number(row.last_activity_ms), erased: Number(row.erased) === 1 });
    }
  },

  apply(batch, message) {
    const { participantId, at } = (message as PersonEvent).data;
    const known = batch.people.get(participantId) ?? { lastMs: 0, erased: false };
    const next: Activity =
      message.type === 'ParticipantErased'
        ? { ...known, erased: true }
        : // registering again after an erasure makes them a participant again
          { lastMs: Math.max(known.lastMs, atMs(at)), erased: message.type === 'ParticipantRegistered' ? false : known.erased };
    batch.people.set(participantId, next);
    batch.dirty.add(participantId);
  },

  async write(trx, batch, _context, written) {
    await bulkUpsert(trx, {
      table: 'participant_activity',
      columns: ['participant_id', 'last_activity_ms', 'erased'],
      keys: ['participant_id'],
      onConflict: 'set',
      rows: [...batch.dirty].map((id) => {
        const activity = batch.people.get(id)!;
        return [id, activity.lastMs, activity.erased ? 1 : 0];
      }),
    });
    await written('participant_activity');
  },
});
