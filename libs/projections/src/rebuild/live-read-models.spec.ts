import { runMigrations } from '@cafeia/database';
import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { FakeTerritories } from '../testing/fake-territories';
import { InMemoryLogStore } from '../testing/in-memory-store';
import { ReadModelQueries } from '../queries/read-model-queries';
import { LiveReadModels } from './live-read-models';
import { waitFor } from '@cafeia/testing';
import { ProjectionEngine } from '../engine/projection-engine';
import { networksReadModel } from '../networks/networks.read-model';
import { READ_MODEL_SET } from '../read-models';
import { migrateReadModels } from '../schema/migrations';

const history = (cafes: number) => {
  const log = new EventLog().add(on.structureRegistered('s1', '69123'));
  for (let c = 0; c < cafes; c += 1) {
    log.add(on.cafeScheduled(`c${c}`, { structureId: 's1', communeCode: c % 3 ? '69381' : '97411', startsAt: '2026-05-01T10:00:00Z' }));
    for (let p = 0; p < 4; p += 1) log.add(on.attended(`c${c}`, `p${c + p}`));
  }
  return log;
};


describeOnBothDialects('live read models', (dialect) => {
  it('rebuild a generation written by a release with another schema before serving it', async () => {
    const log = history(4);
    const store = new InMemoryLogStore(log);
    const catalog = dialect.catalog();
    // what the first releases left: every table in one migration this release does not know
    const legacy = catalog.newGeneration();
    const old = catalog.open(legacy);
    await runMigrations(old, { '001-read-models': { up: async (db) => void (await db.schema.createTable('cafes').addColumn('cafe_id', 'text').execute()) } }, { schema: catalog.schemaOf(legacy) });
    await old.destroy();
    await catalog.promote(legacy);
    const live = new LiveReadModels({ catalog, store, territories: new FakeTerritories(), batchSize: 5, retireAfterMs: 0 });
    try {
      await live.start();
      expect(live.generation).not.toBe(legacy);
      expect(await catalog.current()).toBe(live.generation);
      const queries = new ReadModelQueries(() => live.db, new FakeTerritories(), { target: 100, deadline: '2027-12-31', clock: () => new Date('2026-06-15T00:00:00Z') });
      expect((await queries.position()).position).toBe(String(log.events.length));
      expect((await queries.progress()).figures.distinctParticipants).toBe(7);
    } finally {
      await live.stop();
      await catalog.close();
    }
  });

  it('rebuild a generation of an older release that lacked a read model derived from history', async () => {
    const log = history(3).add(on.networkCreated('n1'), on.networkStructureAdded('n1', 's1'));
    const store = new InMemoryLogStore(log);
    const catalog = dialect.catalog();
    const older = READ_MODEL_SET.filter((m) => m !== networksReadModel);
    const previous = catalog.newGeneration();
    const old = catalog.open(previous);
    await migrateReadModels(old, catalog.schemaOf(previous), older);
    await new ProjectionEngine(old, new FakeTerritories(), { models: older }).apply(log.events);
    await old.destroy();
    await catalog.promote(previous);
    const live = new LiveReadModels({ catalog, store, territories: new FakeTerritories(), batchSize: 5, retireAfterMs: 0 });
    try {
      await live.start();
      expect(live.generation).not.toBe(previous);
      const queries = new ReadModelQueries(() => live.db, new FakeTerritories(), { target: 100, deadline: '2027-12-31', clock: () => new Date('2026-06-15T00:00:00Z') });
      expect((await queries.network('n1'))?.figures.distinctParticipants).toBe(6);
    } finally {
      await live.stop();
      await catalog.close();
    }
  });

  it('follow the store live, then rebuild beside the live generation and switch to it', async () => {
    const log = history(10);
    const store = new InMemoryLogStore(log);
    const catalog = dialect.catalog();
    const live = new LiveReadModels({ catalog, store, territories: new FakeTerritories(), batchSize: 7, retireAfterMs: 0 });
    const queries = new ReadModelQueries(() => live.db, new FakeTerritories(), { target: 100, deadline: '2027-12-31', clock: () => new Date('2026-06-15T00:00:00Z') });
    try {
      await live.start();
      const head = String(log.events.length);
      await waitFor('the projection', async () => (await queries.position()).position === head);
      expect(await live.status()).toMatchObject({ position: head, head, lag: 0, state: 'live' });
      const before = await queries.progress();
      expect(before.figures.distinctParticipants).toBe(13);
      const oldGeneration = live.generation;

      const report = await live.rebuild();
      expect(report).toMatchObject({ previousGeneration: oldGeneration, position: head, events: log.events.length });
      expect(live.generation).toBe(report.generation);
      expect(await catalog.current()).toBe(report.generation);
      expect(await queries.progress()).toEqual(before);

      // the new generation keeps following the store
      log.add(on.cafeScheduled('late', { structureId: 's1', communeCode: '13001', startsAt: '2026-06-01T10:00:00Z' }), on.attended('late', 'newcomer'));
      await waitFor('the projection', async () => (await queries.position()).position === String(log.events.length));
      expect((await queries.progress()).figures.distinctParticipants).toBe(14);
    } finally {
      await live.stop();
    }
  });

  it('reopen the promoted generation after a restart, resuming from its checkpoint', async () => {
    const log = history(3);
    const store = new InMemoryLogStore(log);
    const catalog = dialect.catalog();
    const first = new LiveReadModels({ catalog, store, territories: new FakeTerritories(), retireAfterMs: 0 });
    await first.start();
    await waitFor('the projection', async () => (await first.status()).lag === 0);
    const generation = first.generation;
    await first.stop();

    log.add(on.attended('c0', 'someone-new'));
    const second = new LiveReadModels({ catalog, store, territories: new FakeTerritories(), retireAfterMs: 0 });
    try {
      await second.start();
      expect(second.generation).toBe(generation);
      await waitFor('the projection', async () => (await second.status()).lag === 0);
      const queries = new ReadModelQueries(() => second.db, new FakeTerritories(), { target: 100, deadline: '2027-12-31' });
      expect((await queries.cafe('c0'))?.attendedNamed).toBe(5);
    } finally {
      await second.stop();
    }
  });
});
