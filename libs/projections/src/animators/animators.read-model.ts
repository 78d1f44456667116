import type { DomainEvent } from '@cafeia/domain';
import { bulkUpsert, selectByIds } from '../engine/bulk-write';
import { readModel, type Message } from '../engine/read-model';
import { ANIMATOR_COLUMNS, animatorFromRow, animatorToValues } from './animator-rows';
import { ANIMATOR_EVENT_TYPES, evolveAnimator, type AnimatorEvent, type AnimatorView } from './animator-view';
import { animatorsMigrations, type AnimatorTable } from './animators.tables';

/** an animator's view before (null: not registered yet) and after one of their events */
export interface AnimatorChanged extends Message {
  type: 'AnimatorChanged';
  before: AnimatorView | null;
  after: AnimatorView;
}

export const isAnimatorChanged = (message: Message): message is AnimatorChanged => message.type === 'AnimatorChanged';

interface AnimatorsBatch {
  views: Map<string, AnimatorView>;
  dirty: Set<string>;
}

/** The directory of animators and digital mediators with their training (`GET /v1/animators`). */
export const animatorsReadModel = readModel<AnimatorsBatch>({
  name: 'animators',
  handles: [...ANIMATOR_EVENT_TYPES],
  migrations: animatorsMigrations,
  begin: () => ({ views: new Map(), dirty: new Set() }),

  async load(trx, batch, events: readonly DomainEvent[]) {
    const ids = new Set<string>();
    for (const event of events) if (ANIMATOR_EVENT_TYPES.has(event.type)) ids.add((event as AnimatorEvent).data.animatorId);
    for (const row of await selectByIds<AnimatorTable>(trx, 'animators', 'animator_id', [...ids])) batch.views.set(row.animator_id, animatorFromRow(row));
  },

  apply(batch, message, emit, _source, context) {
    const event = message as AnimatorEvent;
    const before = batch.views.get(event.data.animatorId) ?? null;
    const after = evolveAnimator(before, event, context.placeOf);
    if (after === before || !after) return;
    batch.views.set(after.animatorId, after);
    batch.dirty.add(after.animatorId);
    const change: AnimatorChanged = { type: 'AnimatorChanged', before, after };
    emit(change);
  },

  async write(trx, batch, _context, written) {
    await bulkUpsert(trx, { table: 'animators', columns: ANIMATOR_COLUMNS, keys: ['animator_id'], onConflict: 'set', rows: [...batch.dirty].map((id) => animatorToValues(batch.views.get(id)!)) });
    await written('animators');
  },
});
