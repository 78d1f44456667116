import { isCafeChanged } from '../cafes/cafes.read-model';
import { bulkUpsert } from '../engine/bulk-write';
import { readModel } from '../engine/read-model';
import { REPORTING_COUNTERS } from './reporting';
import { ReportingChanges } from './reporting-changes';
import { reportingContribution } from './reporting-contribution';
import { reportingMigrations } from './reporting.tables';

/**
 * Reporting completeness per territory key (every key a café counts toward: nation, commune, department, region,
 * EPCI…), kept per café start instant because due-ness depends on "now", and summed per key so that a due total is
 * that sum less the cafés starting after the boundary. Written as additive deltas:
 * nothing to load.
 */
export const reportingReadModel = readModel<ReportingChanges>({
  name: 'reporting',
  handles: ['CafeChanged'],
  migrations: reportingMigrations,
  begin: () => new ReportingChanges(),

  apply(changes, message, _emit, _source, { placeOf }) {
    if (!isCafeChanged(message)) return;
    changes.change(reportingContribution(message.before, placeOf), reportingContribution(message.after, placeOf));
  },

  async write(trx, changes, _context, written) {
    await bulkUpsert(trx, {
      table: 'reporting_by_start',
      columns: ['territory_key', 'starts_at_ms', ...REPORTING_COUNTERS],
      keys: ['territory_key', 'starts_at_ms'],
      onConflict: 'add',
      rows: [...changes.nonZero()].map((r) => [r.territoryKey, r.startsAtMs, ...REPORTING_COUNTERS.map((c) => r.counters[c])]),
    });
    await written('reporting_by_start');
    await bulkUpsert(trx, {
      table: 'reporting_totals',
      columns: ['territory_key', ...REPORTING_COUNTERS],
      keys: ['territory_key'],
      onConflict: 'add',
      rows: [...changes.nonZeroByKey()].map((r) => [r.territoryKey, ...REPORTING_COUNTERS.map((c) => r.counters[c])]),
    });
    await written('reporting_totals');
  },
});
