import { describeOnBothDialects } from '@cafeia/database/testing';
import { networksReadModel } from '../networks/networks.read-model';
import { reachReadModel } from '../reach/reach.read-model';
import { READ_MODEL_SET } from '../read-models';
import { ReadModelSchemaOutdated, migrateReadModels } from './migrations';

/** the reach read model as a release before `reach/002-attendees-by-person` had it */
const olderReach = { ...reachReadModel, migrations: { 'reach/001-attendees-and-reach': reachReadModel.migrations['reach/001-attendees-and-reach'] } };

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

  it('refuse to add a table derived from history to an existing generation: it must be rebuilt from the store', async () => {
    const { db, schema } = await dialect.fresh();
    await migrateReadModels(db, schema, READ_MODEL_SET.filter((m) => m !== networksReadModel));
    const refusal = await migrateReadModels(db, schema).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ReadModelSchemaOutdated);
    expect((refusal as ReadModelSchemaOutdated).migrations).toEqual(['networks/001-networks']);
  });
});
