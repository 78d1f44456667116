import { bulkUpsert } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { START_COUNTERS, TERRITORY_COUNTERS, isZero } from './counters';
import { FigureChanges } from './figure-changes';
import { FIGURE_MESSAGES, foldFigures } from './fold-figures';
import { addReturning } from './upsert-returning';
import { figuresMigrations } from './figures.tables';

/**
 * The figures of every territory (and the nation), kept as counters: attendances, distinct people (each counted
 * at their first café there), anonymous headcounts, cafés held, cancelled, animators trained… plus the same per
 * café start instant (for the series and the pace) and the held cafés per structure and territory (for
 * `structuresActive`, kept as a counter), and the per-day series of reach and of cafés to come. Written as
 * additive deltas: nothing to load.
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
      table: 'reach_by_day',
      columns: ['territory_key', 'day', ...START_COUNTERS],
      keys: ['territory_key', 'day'],
      onConflict: 'add',
      rows: changes.dayRows().filter((d) => !isZero(d.counters)).map((d) => [d.territoryKey, d.day, ...START_COUNTERS.map((col) => d.counters[col])]),
    });
    await written('reach_by_day');
    await bulkUpsert(trx, {
      table: 'cafes_by_day',
      columns: ['territory_key', 'day', 'cafes'],
      keys: ['territory_key', 'day'],
      onConflict: 'add',
      rows: [...changes.cafesByDay.values()].filter((d) => d.cafes !== 0).map((d) => [d.territoryKey, d.day, d.cafes]),
    });
    await written('cafes_by_day');
    const deltas = new Map<string, number>();
    for (const s of changes.structureTerritories.values()) if (s.cafesHeld !== 0) deltas.set(`${s.territoryKey}|${s.structureId}`, s.cafesHeld);
    const after = await addReturning<{ territory_key: string; structure_id: string; cafes_held: number | string }>(trx, {
      table: 'structure_territories',
      keys: ['territory_key', 'structure_id'],
      counter: 'cafes_held',
      rows: [...changes.structureTerritories.values()].filter((s) => s.cafesHeld !== 0).map((s) => [s.territoryKey, s.structureId, s.cafesHeld]),
    });
    await written('structure_territories');
    // a structure becomes active in a territory with its first held café there, and stops with its last
    const active = new Map<string, number>();
    for (const row of after) {
      const now = Number(row.cafes_held);
      const before = now - (deltas.get(`${row.territory_key}|${row.structure_id}`) ?? 0);
      const change = (now > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
      if (change !== 0) active.set(row.territory_key, (active.get(row.territory_key) ?? 0) + change);
    }
    await bulkUpsert(trx, {
      table: 'territory_figures',
      columns: ['territory_key', 'structures_active'],
      keys: ['territory_key'],
      onConflict: 'add',
      rows: [...active].filter(([, n]) => n !== 0).map(([key, n]) => [key, n]),
    });
    await written('territory_figures');
  },
});
