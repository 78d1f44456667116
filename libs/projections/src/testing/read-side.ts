import type { Kysely } from 'kysely';
import type { DialectUnderTest } from '@cafeia/database/testing';
import type { StoredEvent } from '@cafeia/event-store';
import { ProjectionEngine, ProjectionEngineOptions } from '../engine/projection-engine';
import { ReadModelQueries } from '../queries/read-model-queries';
import { migrateReadModels } from '../schema/migrations';
import type { ReadModelDb } from '../schema/read-model-db';
import { FakeTerritories } from './fake-territories';
import type { EventLog } from './event-log';

export const NOW = '2026-06-15T12:00:00.000Z';

export interface ReadSide {
  db: Kysely<ReadModelDb>;
  engine: ProjectionEngine;
  queries: ReadModelQueries;
  territories: FakeTerritories;
  /** applies the whole log (or the given events) in batches of `batchSize` */
  apply(events: EventLog | StoredEvent[], batchSize?: number): Promise<void>;
}

/** a fresh, migrated read side on the dialect under test, with the clock pinned at `now` */
export async function freshReadSide(
  dialect: DialectUnderTest,
  options: { now?: string; target?: number; deadline?: string; engine?: ProjectionEngineOptions } = {},
): Promise<ReadSide> {
  const { db, schema } = await dialect.fresh<ReadModelDb>();
  await migrateReadModels(db, schema);
  const territories = new FakeTerritories();
  const engine = new ProjectionEngine(db, territories, options.engine);
  const now = new Date(options.now ?? NOW);
  const queries = new ReadModelQueries(db, territories, { target: options.target ?? 1000, deadline: options.deadline ?? '2027-12-31', clock: () => now });
  return {
    db,
    engine,
    queries,
    territories,
    async apply(events, batchSize = 1000) {
      const all = Array.isArray(events) ? events : events.events;
      for (let i = 0; i < all.length; i += batchSize) await engine.apply(all.slice(i, i + batchSize));
    },
  };
}
