import type { CafeEvent, DomainEvent } from '@cafeia/domain';
import { bulkUpsert, selectByIds } from '../engine/bulk-write';
import { readModel, type Message } from '../engine/read-model';
import { CAFE_COLUMNS, cafeFromRow, cafeToValues } from './cafe-rows';
import { CAFE_EVENT_TYPES, evolveCafe, type CafeView } from './cafe-view';
import { cafesMigrations, type CafeTable } from './cafes.tables';

/**
 * Emitted for every event of a café's stream: the café's view before and after it (null before it was
 * scheduled). The figures, people reached and structures fold these rather than the raw events, so that they
 * all see the café where and when it is at that point of the log.
 */
export interface CafeChanged extends Message {
  type: 'CafeChanged';
  event: CafeEvent;
  before: CafeView | null;
  after: CafeView;
}

export const isCafeChanged = (message: Message): message is CafeChanged => message.type === 'CafeChanged';

interface CafesBatch {
  views: Map<string, CafeView>;
  dirty: Set<string>;
}

/** The cafés directory: one row per café (`GET /v1/cafes`), and the source of every café's changes. */
export const cafesReadModel = readModel<CafesBatch>({
  name: 'cafes',
  handles: [...CAFE_EVENT_TYPES],
  migrations: cafesMigrations,
  begin: () => ({ views: new Map(), dirty: new Set() }),

  async load(trx, batch, events: readonly DomainEvent[]) {
    const ids = new Set<string>();
    for (const event of events) if (CAFE_EVENT_TYPES.has(event.type)) ids.add((event as CafeEvent).data.cafeId);
    for (const row of await selectByIds<CafeTable>(trx, 'cafes', 'cafe_id', [...ids])) batch.views.set(row.cafe_id, cafeFromRow(row));
  },

  apply(batch, message, emit, _source, context) {
    const event = message as CafeEvent;
    const before = batch.views.get(event.data.cafeId) ?? null;
    const after = evolveCafe(before, event, context.placeOf);
    if (after === before || !after) return;
    batch.views.set(after.cafeId, after);
    batch.dirty.add(after.cafeId);
    const change: CafeChanged = { type: 'CafeChanged', event, before, after };
    emit(change);
  },

  async write(trx, batch, _context, written) {
    await bulkUpsert(trx, { table: 'cafes', columns: CAFE_COLUMNS, keys: ['cafe_id'], onConflict: 'set', rows: [...batch.dirty].map((id) => cafeToValues(batch.views.get(id)!)) });
    await written('cafes');
  },
});
