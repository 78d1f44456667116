import type { EventStore, StoredEvent } from '@cafeia/event-store';
import type { ProjectionEngine } from '../engine/projection-engine';

export const DEFAULT_BATCH_SIZE = 10_000;

export interface CatchUpReport {
  /** checkpoint when caught up */
  position: string | null;
  /** events applied by this catch-up */
  events: number;
  durationMs: number;
  eventsPerSecond: number;
}

/**
 * Applies the store's log to `engine` from its checkpoint until a read returns nothing (caught up with the
 * head as it was then). The next page is read while the current one is applied.
 */
export async function catchUp(
  store: Pick<EventStore, 'readAll'>,
  engine: ProjectionEngine,
  options: {
    batchSize?: number;
    onBatch?: (report: { position: string | null; events: number }) => void;
    /** a fresh generation nobody reads yet: applied as a bulk load (`ProjectionEngine.bulkLoad`) */
    bulk?: boolean;
  } = {},
): Promise<CatchUpReport> {
  if (options.bulk) return engine.bulkLoad(() => catchUp(store, engine, { ...options, bulk: false }));
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = Date.now();
  let position = (await engine.checkpoint())?.position ?? null;
  let events = 0;
  const read = (after: string | null): Promise<StoredEvent[]> => store.readAll(after === null ? { limit } : { after, limit });
  let next = read(position);
  for (;;) {
    const page = await next;
    if (page.length === 0) break;
    next = read(page[page.length - 1].position);
    const result = await engine.apply(page);
    events += result.applied;
    position = result.position;
    options.onBatch?.({ position, events });
    // SQLite work is synchronous: let the process serve its I/O (reads go on during a rebuild) between batches
    await new Promise((resolve) => setImmediate(resolve));
  }
  const durationMs = Date.now() - started;
  return { position, events, durationMs, eventsPerSecond: durationMs > 0 ? Math.round((events * 1000) / durationMs) : events };
}
