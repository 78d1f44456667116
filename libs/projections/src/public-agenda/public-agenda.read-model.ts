import type { AnimatorRegistered, DomainEvent, StructureRegistered } from '@cafeia/domain';
import { CAFE_EVENT_TYPES, type CafeEvent } from '../cafes/cafe-view';
import { isCafeChanged } from '../cafes/cafes.read-model';
import { bulkUpsert, selectByIds } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { publicAgendaMigrations, type PublicAnimatorTable, type PublicCafeTable } from './public-agenda.tables';
import {
  PUBLIC_ANIMATOR_COLUMNS,
  PUBLIC_CAFE_COLUMNS,
  PUBLIC_STRUCTURE_COLUMNS,
  publicAnimatorRow,
  publicCafeRow,
  publicStructureRow,
  valuesOf,
} from './public-rows';
import type { PublicStructureTable } from './public-agenda.tables';

const TRAINING_STEPS = { AnimatorEnrolledInTraining: 'enrolled', AnimatorCompletedTraining: 'completed', AnimatorDroppedTraining: 'dropped' } as const;
type TrainingStep = { type: keyof typeof TRAINING_STEPS; data: { animatorId: string } };

interface PublicAgendaBatch {
  cafes: Map<string, PublicCafeTable>;
  dirtyCafes: Set<string>;
  structures: Map<string, PublicStructureTable>;
  animators: Map<string, PublicAnimatorTable>;
  dirtyAnimators: Set<string>;
}

/**
 * The public agenda, calendars, listings and open schemas (`/public/v1`, `/agenda`): cafés folded from the
 * cafés directory's changes (so they are where and when the directory has them), structures from their
 * registration, and only the animators who asked to be listed. See `public-agenda.tables.ts` for what is
 * deliberately absent.
 */
export const publicAgendaReadModel = readModel<PublicAgendaBatch>({
  name: 'public-agenda',
  handles: ['CafeChanged', 'StructureRegistered', 'AnimatorRegistered', ...Object.keys(TRAINING_STEPS)],
  migrations: publicAgendaMigrations,
  begin: () => ({ cafes: new Map(), dirtyCafes: new Set(), structures: new Map(), animators: new Map(), dirtyAnimators: new Set() }),

  async load(trx, batch, events: readonly DomainEvent[]) {
    const cafeIds = new Set<string>();
    const animatorIds = new Set<string>();
    for (const event of events) {
      if (CAFE_EVENT_TYPES.has(event.type)) cafeIds.add((event as CafeEvent).data.cafeId);
      else if (event.type === 'AnimatorRegistered' || event.type in TRAINING_STEPS) animatorIds.add((event as TrainingStep).data.animatorId);
    }
    for (const row of await selectByIds<PublicCafeTable>(trx, 'public_cafes', 'cafe_id', [...cafeIds])) batch.cafes.set(row.cafe_id, { ...row, starts_at_ms: Number(row.starts_at_ms) });
    for (const row of await selectByIds<PublicAnimatorTable>(trx, 'public_animators', 'animator_id', [...animatorIds])) batch.animators.set(row.animator_id, row);
  },

  apply(batch, message, _emit, source, { placeOf }) {
    if (isCafeChanged(message)) {
      const { after, event } = message;
      const previous = batch.cafes.get(after.cafeId) ?? null;
      batch.cafes.set(after.cafeId, publicCafeRow(previous, after, event.type === 'CafeRescheduled', placeOf(after.communeCode)));
      batch.dirtyCafes.add(after.cafeId);
    } else if (message.type === 'StructureRegistered') {
      const event = message as StructureRegistered;
      batch.structures.set(event.data.structureId, publicStructureRow(event, placeOf(event.data.communeCode), source.recordedAt));
    } else if (message.type === 'AnimatorRegistered') {
      const event = message as AnimatorRegistered;
      if (batch.animators.has(event.data.animatorId)) return; // registered once; a duplicate changes nothing
      const row = publicAnimatorRow(event, placeOf(event.data.communeCode));
      if (!row) return;
      batch.animators.set(row.animator_id, row);
      batch.dirtyAnimators.add(row.animator_id);
    } else if (message.type in TRAINING_STEPS) {
      const step = message as TrainingStep;
      const row = batch.animators.get(step.data.animatorId);
      if (!row) return; // not listed: nothing public to update
      batch.animators.set(row.animator_id, { ...row, training_status: TRAINING_STEPS[step.type] });
      batch.dirtyAnimators.add(row.animator_id);
    }
  },

  async write(trx, batch, _context, written) {
    await bulkUpsert(trx, {
      table: 'public_cafes',
      columns: PUBLIC_CAFE_COLUMNS,
      keys: ['cafe_id'],
      onConflict: 'set',
      rows: [...batch.dirtyCafes].map((id) => valuesOf(batch.cafes.get(id)!, PUBLIC_CAFE_COLUMNS)),
    });
    await written('public_cafes');
    await bulkUpsert(trx, {
      table: 'public_structures',
      columns: PUBLIC_STRUCTURE_COLUMNS,
      keys: ['structure_id'],
      onConflict: 'set',
      rows: [...batch.structures.values()].map((row) => valuesOf(row, PUBLIC_STRUCTURE_COLUMNS)),
    });
    await written('public_structures');
    await bulkUpsert(trx, {
      table: 'public_animators',
      columns: PUBLIC_ANIMATOR_COLUMNS,
      keys: ['animator_id'],
      onConflict: 'set',
      rows: [...batch.dirtyAnimators].map((id) => valuesOf(batch.animators.get(id)!, PUBLIC_ANIMATOR_COLUMNS)),
    });
    await written('public_animators');
  },
});
