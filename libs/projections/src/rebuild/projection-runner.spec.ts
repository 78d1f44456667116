import { createDatabase } from '@cafeia/database';
import { ProjectionEngine } from '../engine/projection-engine';
import { migrateReadModels } from '../schema/migrations';
import { EventLog, on } from '../testing/event-log';
import { FakeTerritories } from '../testing/fake-territories';
import { InMemoryLogStore } from '../testing/in-memory-store';
import { ProjectionRunner } from './projection-runner';
import { waitFor } from '@cafeia/testing';


describe('the live projection runner', () => {
  it('retries with a growing back-off after failed batches, says so, and resumes exactly where it was', async () => {
    const log = new EventLog().add(on.structureRegistered('s1', '69123'), on.cafeScheduled('c1', { structureId: 's1', communeCode: '69123', startsAt: '2026-05-01T10:00:00Z' }));
    for (let p = 0; p < 10; p++) log.add(on.attended('c1', `p${p}`));
    const db = createDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateReadModels(db);
    let failuresLeft = 3;
    const engine = new ProjectionEngine(db, new FakeTerritories(), {
      // like SQLITE_BUSY or a full disk at the end of the batch: the transaction rolls back, checkpoint included
      afterWrite: (table) => {
        if (table === 'projection_checkpoints' && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('SQLITE_BUSY: database is locked');
        }
      },
    });
    const delays: number[] = [];
    const runner = new ProjectionRunner(new InMemoryLogStore(log), engine, { batchSize: 4, retryMinMs: 10, onFailure: (_e, _n, delay) => delays.push(delay) });
    try {
      await runner.start();
      await waitFor('the projection', async () => (await runner.status()).state === 'retrying');
      expect(await runner.status()).toMatchObject({ state: 'retrying', error: 'SQLITE_BUSY: database is locked', consecutiveFailures: expect.any(Number) });
      await waitFor('the projection', async () => (await runner.status()).state === 'live');
      expect(delays).toEqual([10, 20, 40]);
      const status = await runner.status();
      expect(status).toMatchObject({ position: String(log.events.length), lag: 0, consecutiveFailures: 0, failures: 3 });
      expect(status.error).toBeUndefined();
      const row = await db.selectFrom('territory_figures').select('distinct_participants').where('territory_key', '=', 'nation').executeTakeFirstOrThrow();
      expect(Number(row.distinct_participants)).toBe(10);
    } finally {
      await runner.stop();
      await db.destroy();
    }
  });
});
