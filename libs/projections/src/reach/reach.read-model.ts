import type { DomainEvent } from '@cafeia/domain';
import { isCafeChanged, type CafeChanged } from '../cafes/cafes.read-model';
import type { CafeView } from '../cafes/cafe-view';
import { bulkUpsert, selectByIds } from '../engine/bulk-write';
import { readModel, type Emit, type Message } from '../engine/read-model';
import { attend, emptyReach, moveCafe, type ParticipantReach } from './participant-reach';
import { reachMigrations } from './reach.tables';

/**
 * Emitted when the cafés a person attended change: one more café, or one of theirs moved in time. The figures
 * count each person once per territory from it; the structures once per structure.
 */
export interface ReachChanged extends Message {
  type: 'ReachChanged';
  participantId: string;
  before: ParticipantReach;
  after: ParticipantReach;
  /** the café just attended, when that is the change (lets counters skip recomputing the whole reach) */
  attended: CafeView | null;
}

export const isReachChanged = (message: Message): message is ReachChanged => message.type === 'ReachChanged';

interface ReachBatch {
  reach: Map<string, ParticipantReach>;
  dirty: Set<string>;
  /** attendees of the cafés rescheduled in this batch (stored ones plus those recorded in the batch) */
  attendeesOf: Map<string, Set<string>>;
  newAttendees: [string, string, string][];
}

const reachOf = (batch: ReachBatch, participantId: string): ParticipantReach => batch.reach.get(participantId) ?? emptyReach(participantId);

function changeReach(batch: ReachBatch, emit: Emit, participantId: string, now: ParticipantReach, attended: CafeView | null): void {
  const was = reachOf(batch, participantId);
  if (now === was) return;
  batch.reach.set(participantId, now);
  batch.dirty.add(participantId);
  const changed: ReachChanged = { type: 'ReachChanged', participantId, before: was, after: now, attended };
  emit(changed);
}

/** People reached: for each person, the cafés they attended — what makes a person count once per territory. */
export const reachReadModel = readModel<ReachBatch>({
  name: 'reach',
  handles: ['CafeChanged'],
  migrations: reachMigrations,
  begin: () => ({ reach: new Map(), dirty: new Set(), attendeesOf: new Map(), newAttendees: [] }),

  async load(trx, batch, events: readonly DomainEvent[], context) {
    const people = new Set<string>();
    const rescheduled: string[] = [];
    for (const event of events) {
      if (event.type === 'AttendanceRecorded') people.add(event.data.participantId);
      else if (event.type === 'CafeRescheduled') rescheduled.push(event.data.cafeId);
    }
    // a rescheduled café moves its attendees' first café: load them (rare, so it may cost a query more)
    for (const cafeId of rescheduled) batch.attendeesOf.set(cafeId, new Set());
    const attendees = await selectByIds<{ cafe_id: string; participant_id: string }>(trx, 'cafe_attendees', 'cafe_id', rescheduled, { columns: 'cafe_id, participant_id' });
    for (const row of attendees) {
      batch.attendeesOf.get(row.cafe_id)!.add(row.participant_id);
      people.add(row.participant_id);
    }
    const ids = [...people].sort();
    const shared = context.writers === 'shared' && context.dialect === 'postgres';
    // concurrent writers lock the rows they fold: insert placeholders first, so that new rows are locked too
    if (shared) await bulkUpsert(trx, { table: 'participant_reach', columns: ['participant_id', 'attended'], keys: ['participant_id'], rows: ids.map((id) => [id, '[]']), onConflict: 'ignore' });
    for (const row of await selectByIds<{ participant_id: string; attended: string }>(trx, 'participant_reach', 'participant_id', ids, { lock: shared })) {
      batch.reach.set(row.participant_id, { participantId: row.participant_id, attended: JSON.parse(row.attended) });
    }
  },

  apply(batch, message, emit) {
    if (!isCafeChanged(message)) return;
    const { event, before, after } = message as CafeChanged;
    if (event.type === 'AttendanceRecorded') {
      const { participantId, at } = event.data;
      batch.newAttendees.push([after.cafeId, participantId, at]);
      batch.attendeesOf.get(after.cafeId)?.add(participantId);
      changeReach(batch, emit, participantId, attend(reachOf(batch, participantId), after), after);
    } else if (event.type === 'CafeRescheduled' && before && before.startsAtMs !== after.startsAtMs) {
      for (const participantId of batch.attendeesOf.get(after.cafeId) ?? []) {
        changeReach(batch, emit, participantId, moveCafe(reachOf(batch, participantId), after.cafeId, after.startsAtMs), null);
      }
    }
  },

  async write(trx, batch, _context, written) {
    await bulkUpsert(trx, { table: 'cafe_attendees', columns: ['cafe_id', 'participant_id', 'recorded_at'], keys: ['cafe_id', 'participant_id'], onConflict: 'ignore', rows: batch.newAttendees });
    await written('cafe_attendees');
    await bulkUpsert(trx, {
      table: 'participant_reach',
      columns: ['participant_id', 'attended'],
      keys: ['participant_id'],
      onConflict: 'set',
      rows: [...batch.dirty].map((id) => [id, JSON.stringify(batch.reach.get(id)!.attended)]),
    });
    await written('participant_reach');
  },
});
