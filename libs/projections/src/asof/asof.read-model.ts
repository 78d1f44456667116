import { isDomainEventType, schemaVersions, type TerritoryTargetSet } from '@cafeia/domain';
import { isAnimatorChanged } from '../animators/animators.read-model';
import { isCafeChanged } from '../cafes/cafes.read-model';
import { parisDayOf } from '@cafeia/paris-time';
import { bulkUpsert } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { TERRITORY_COUNTERS, isZero } from '../figures/counters';
import { FIGURE_MESSAGES, foldFigures } from '../figures/fold-figures';
import { REPORTING_COUNTERS } from '../reporting/reporting';
import { reportingContribution } from '../reporting/reporting-contribution';
import { territoryKey } from '../territory/territory-directory';
import { AsOfChanges } from './asof-changes';
import { asOfMigrations } from './asof.tables';
import { keepExtreme } from './keep-extreme';

/** events written without `recordedAt` count from the first day: they are always part of the figures */
const recordedDay = (recordedAt: string | null): number => {
  if (recordedAt === null) return 0;
  const ms = Date.parse(recordedAt);
  return Number.isNaN(ms) ? 0 : parisDayOf(ms);
};

/**
 * Figures as they stood on a date: the same deltas as the live figures and reporting, written a second time keyed
 * by the Paris day the event was recorded (`source.recordedAt`), plus each day's last position, the first day a
 * territory had activity and the targets set each day. Folding the same changes as the live read models, a figure
 * as of D is exactly the live figure of the log's events recorded up to the end of D (when recording times follow
 * the log's order, as one store's do) — unchanged by later writes, erasures or a rebuild.
 */
export const asOfReadModel = readModel<AsOfChanges>({
  name: 'asof',
  // every event type, for each day's last position
  handles: [...Object.keys(schemaVersions), ...FIGURE_MESSAGES],
  migrations: asOfMigrations,
  begin: () => new AsOfChanges(),

  apply(changes, message, _emit, source, { placeOf }) {
    const day = recordedDay(source.recordedAt);
    if (isDomainEventType(message.type)) changes.recorded(day, source.position);
    if (message.type === 'TerritoryTargetSet') {
      const { level, code, people } = (message as TerritoryTargetSet).data;
      const key = territoryKey(level, code);
      changes.targets.set(`${key}|${day}`, [key, day, people]);
      return;
    }
    if (!(FIGURE_MESSAGES as readonly string[]).includes(message.type)) return;
    foldFigures(changes.figuresOn(day), message, placeOf);
    if (isCafeChanged(message)) {
      changes.cafesOn(day).change(reportingContribution(message.before, placeOf), reportingContribution(message.after, placeOf));
      if (message.before === null) changes.active(placeOf(message.after.communeCode).keys, day);
    } else if (isAnimatorChanged(message) && message.before === null) {
      changes.active(placeOf(message.after.communeCode).keys, day);
    }
  },

  async write(trx, changes, _context, written) {
    const figures = [...changes.figures];
    await bulkUpsert(trx, {
      table: 'asof_figures',
      columns: ['territory_key', 'recorded_day', ...TERRITORY_COUNTERS],
      keys: ['territory_key', 'recorded_day'],
      onConflict: 'add',
      rows: figures.flatMap(([day, f]) => [...f.territories].filter(([, c]) => !isZero(c)).map(([key, c]) => [key, day, ...TERRITORY_COUNTERS.map((col) => c[col])])),
    });
    await bulkUpsert(trx, {
      table: 'asof_structure_territories',
      columns: ['territory_key', 'structure_id', 'recorded_day', 'cafes_held'],
      keys: ['territory_key', 'structure_id', 'recorded_day'],
      onConflict: 'add',
      rows: figures.flatMap(([day, f]) => [...f.structureTerritories.values()].filter((s) => s.cafesHeld !== 0).map((s) => [s.territoryKey, s.structureId, day, s.cafesHeld])),
    });
    await bulkUpsert(trx, { table: 'asof_reach_by_start', columns: ['starts_at_ms', 'recorded_day', 'people'], keys: ['starts_at_ms', 'recorded_day'], onConflict: 'add', rows: [...changes.reachRows()] });
    await bulkUpsert(trx, {
      table: 'asof_cafes_by_start',
      columns: ['territory_key', 'starts_at_ms', 'recorded_day', ...REPORTING_COUNTERS],
      keys: ['territory_key', 'starts_at_ms', 'recorded_day'],
      onConflict: 'add',
      rows: [...changes.cafes].flatMap(([day, c]) => [...c.nonZero()].map((r) => [r.territoryKey, r.startsAtMs, day, ...REPORTING_COUNTERS.map((col) => r.counters[col])])),
    });
    await written('asof_figures');
    await keepExtreme(trx, 'asof_positions', 'recorded_day', 'position_num', [...changes.positions], 'max');
    await keepExtreme(trx, 'asof_activity', 'territory_key', 'first_day', [...changes.activity], 'min');
    await bulkUpsert(trx, { table: 'asof_targets', columns: ['territory_key', 'recorded_day', 'people'], keys: ['territory_key', 'recorded_day'], onConflict: 'set', rows: [...changes.targets.values()] });
    await written('asof_positions');
  },
});
