import { bulkUpsert } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { START_COUNTERS, TERRITORY_COUNTERS, isZero } from './counters';
import { FigureChanges } from './figure-changes';
import { FIGURE_MESSAGES, foldFigures } from './fold-figures';
import { figuresMigrations } from './figures.tables';

/**
 * The figures of every territory (and the nation), kept as counters: attendances, distinct people (each counted
 * at their first café there), anonymous headcounts, cafés held, cancelled, animators trained… plus the same per
 * café start instant (for the series and the pace) and the held cafés per structure and territory (for
 * `structuresActive`). Written as additive deltas: nothing to load.
 */
export const figuresReadModel = readModel<FigureChanges>({
  name: 'figures',
  handles: FIGURE_MESSAGES,
  migrations: figuresMigrations,
  begin: () => new FigureChanges(),

  apply(changes, message, _emit, _source, { placeOf }) {
    foldFigures(changes, message, placeOf);
  },

  async write(trx, changes, _context, written) {
    await bulkUpsert(trx, {
      table: 'territory_figures',
      columns: ['territory_key', ...TERRITORY_COUNTERS],
      keys: ['territory_key'],
      onConflict: 'add',
      rows: [...changes.territories].filter(([, c]) => !isZero(c)).map(([key, c]) => [key, ...TERRITORY_COUNTERS.map((col) => c[col])]),
    });
    await written('territory_figures');
    await bulkUpsert(trx, {
      table: 'reach_by_start',
      columns: ['territory_key', 'starts_at_ms', ...START_COUNTERS],
      keys: ['territory_key', 'starts_at_ms'],
      onConflict: 'add',
      rows: [...changes.startRows()].filter((s) => !isZero(s.counters)).map((s) => [s.territoryKey, s.startsAtMs, ...START_COUNTERS.map((col) => s.counters[col])]),
    });
    await written('reach_by_start');
    await bulkUpsert(trx, {
      table: 'structure_territories',
      columns: ['territory_key', 'structure_id', 'cafes_held'],
      keys: ['territory_key', 'structure_id'],
      onConflict: 'add',
      rows: [...changes.structureTerritories.values()].filter((s) => s.cafesHeld !== 0).map((s) => [s.territoryKey, s.structureId, s.cafesHeld]),
    });
    await written('structure_territories');
  },
});
