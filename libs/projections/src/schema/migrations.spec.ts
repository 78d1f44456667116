import { sql } from 'kysely';
import { describeOnBothDialects } from '@cafeia/database/testing';
import { cafesReadModel } from '../cafes/cafes.read-model';
import { reportingOf, unreportedCondition } from '../reporting/reporting.queries';
import { reportingReadModel } from '../reporting/reporting.read-model';
import { networksReadModel } from '../networks/networks.read-model';
import { reachReadModel } from '../reach/reach.read-model';
import { READ_MODEL_SET } from '../read-models';
import { ReadModelSchemaOutdated, migrateReadModels } from './migrations';

/** the reach read model as a release before `reach/002-attendees-by-person` had it */
const olderReach = { ...reachReadModel, migrations: { 'reach/001-attendees-and-reach': reachReadModel.migrations['reach/001-attendees-and-reach'] } };

/** the cafés read model as a release before `cafes/003-read-paths` had it */
const { 'cafes/003-read-paths': _readPaths, ...olderCafesMigrations } = cafesReadModel.migrations as Record<string, unknown>;
const olderCafes = { ...cafesReadModel, migrations: olderCafesMigrations } as typeof cafesReadModel;

/** the reporting read model as a release before `reporting/003-reporting-totals` had it */
const { 'reporting/003-reporting-totals': _totals, ...olderReportingMigrations } = reportingReadModel.migrations as Record<string, unknown>;
const olderReporting = { ...reportingReadModel, migrations: olderReportingMigrations } as typeof reportingReadModel;

describeOnBothDialects('read-model migrations', (dialect) => {
  it('create every table of a new generation, history-derived ones included', async () => {
    const { db, schema } = await dialect.fresh();
    const applied = await migrateReadModels(db, schema);
    expect(applied).toEqual(expect.arrayContaining(['networks/001-networks', 'asof/001-figures-by-recorded-day', 'cafes/002-year-two', 'reporting/001-reporting-by-start']));
    expect(await migrateReadModels(db, schema)).toEqual([]);
  });

  it('bring an existing generation forward with a migration that derives nothing from history (an index)', async () => {
    const { db, schema } = await dialect.fresh();
    await migrateReadModels(db, schema, [olderReach]);
    expect(await migrateReadModels(db, schema, [reachReadModel])).toEqual(['reach/002-attendees-by-person']);
  });

  it('add the indexes of the cafés awaiting their sheet to an existing generation as it is, and read through them', async () => {
    const { db, schema } = await dialect.fresh();
    await migrateReadModels(db, schema, READ_MODEL_SET.map((m) => (m === cafesReadModel ? olderCafes : m)));
    expect(await migrateReadModels(db, schema)).toEqual(['cafes/003-read-paths']);
    if (dialect.kind === 'sqlite') {
      // the partial index's condition must stay the filter's, word for word, or SQLite scans the region's history
      const plan = await sql<{ detail: string }>`explain query plan select count(*) from cafes where region = ${'11'} and ${unreportedCondition(Date.UTC(2026, 5, 15))}`.execute(db);
      expect(plan.rows.map((r) => r.detail).join(' | ')).toContain('cafes_awaiting_region');
    }
  });

  it('sum the reporting of an existing generation into its totals as it is: the same due, reported and on-time cafés after', async () => {
    const { db, schema } = await dialect.fresh();
    await migrateReadModels(db, schema, READ_MODEL_SET.map((m) => (m === reportingReadModel ? olderReporting : m)));
    const now = Date.UTC(2026, 5, 15);
    const day = 86_400_000;
    // region 84: two cafés due (one reported on time), one started 3 days ago (not due yet), one to come
    const rows = [
      ['region:84', now - 30 * day, 1, 1, 1],
      ['region:84', now - 20 * day, 1, 0, 0],
      ['region:84', now - 3 * day, 1, 1, 1],
      ['region:84', now + 5 * day, 1, 0, 0],
      ['department:69', now - 30 * day, 1, 1, 1],
    ];
    for (const [territory_key, starts_at_ms, cafes_live, cafes_reported, cafes_on_time] of rows) {
      await db.insertInto('reporting_by_start').values({ territory_key, starts_at_ms, cafes_live, cafes_reported, cafes_on_time }).execute();
    }
    expect(await migrateReadModels(db, schema)).toEqual(['reporting/003-reporting-totals']);
    const reporting = await reportingOf(db, { keys: ['region:84', 'department:69', 'region:11'] }, now);
    expect(reporting.get('region:84')).toMatchObject({ cafesDue: 2, cafesReported: 1, cafesReportedOnTime: 1, completeness: 0.5 });
    expect(reporting.get('department:69')).toMatchObject({ cafesDue: 1, cafesReported: 1 });
    expect(reporting.has('region:11')).toBe(false);
    expect([...(await reportingOf(db, { prefix: 'region:' }, now)).keys()]).toEqual(['region:84']);
  });

  it('refuse to add a table derived from history to an existing generation: it must be rebuilt from the store', async () => {
    const { db, schema } = await dialect.fresh();
    await migrateReadModels(db, schema, READ_MODEL_SET.filter((m) => m !== networksReadModel));
    const refusal = await migrateReadModels(db, schema).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ReadModelSchemaOutdated);
    expect((refusal as ReadModelSchemaOutdated).migrations).toEqual(['networks/001-networks']);
  });
});
