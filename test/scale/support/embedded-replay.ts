import { SqliteEventStore, type StoredEvent } from '@cafeia/event-store';
import { join } from 'node:path';

/**
 * Writes the same events, in the same global order, into an embedded default's event store (a SQLite
 * file in DATA_DIR), so that an embedded API started on that DATA_DIR computes its figures from exactly
 * the writes the scale-out stack received. Positions differ (SQLite counts 1, 2, 3…); figures must not.
 */
export async function copyIntoEmbeddedStore(events: readonly StoredEvent[], dataDir: string): Promise<void> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  try {
    for (const event of events) {
      await store.append(
        event.streamId,
        [
          {
            eventId: event.eventId,
            type: event.type,
            data: event.data,
            schemaVersion: event.metadata.schemaVersion,
            metadata: {
              correlationId: event.metadata.correlationId,
              causationId: event.metadata.causationId,
              actor: event.metadata.actor,
              recordedAt: event.metadata.recordedAt,
            },
          },
        ],
        event.streamVersion === 0 ? 'no_stream' : event.streamVersion - 1,
      );
    }
  } finally {
    await store.close();
  }
}

/** The whole log, page by page. */
export async function readWholeLog(store: { readAll(options?: { after?: string; limit?: number }): Promise<StoredEvent[]> }): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ ...(all.length ? { after: all[all.length - 1].position } : {}), limit: 1000 });
    if (page.length === 0) return all;
    all.push(...page);
  }
}
