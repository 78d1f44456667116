import type { StreamAppend } from '@cafeia/event-store';

/**
 * A peer: Emmett's SQLite event store (`@event-driven-io/emmett-sqlite`, a dev dependency of the
 * harness only; `openPostgres` for its PostgreSQL one), given the same appends: one `appendToStream` per stream append, with the expected
 * stream version (Emmett counts versions from 1 and as bigint; a new stream expects "no stream").
 * Loaded at run time so that the harness works, and says so, when the package is not installed.
 */
export class PeerSink {
  private readonly versions = new Map<string, bigint>();

  private constructor(
    private readonly store: EmmettEventStore,
    private readonly noStream: unknown,
    private readonly closeStore: () => Promise<void>,
  ) {}

  /** null (with the reason) when the package is not installed or its API is not the expected one */
  static async open(file: string): Promise<{ sink: PeerSink } | { missing: string }> {
    let sqlite: Record<string, unknown>;
    try {
      sqlite = require('@event-driven-io/emmett-sqlite') as Record<string, unknown>;
    } catch (error) {
      return { missing: `peer not installed (@event-driven-io/emmett-sqlite: ${(error as Error).message.split('\n')[0]})` };
    }
    let noStream: unknown;
    try {
      noStream = (require('@event-driven-io/emmett') as Record<string, unknown>).STREAM_DOES_NOT_EXIST;
    } catch {
      noStream = undefined;
    }
    const getStore = sqlite.getSQLiteEventStore as ((options: unknown) => EmmettEventStore) | undefined;
    if (typeof getStore !== 'function') return { missing: 'peer installed but getSQLiteEventStore is not exported' };
    // the option naming the file changed across versions: give both
    const store = getStore({ fileName: file, databaseLocation: file, schema: { autoMigration: 'CreateOrUpdate' } });
    if (typeof store.appendToStream !== 'function') return { missing: 'peer installed but its store has no appendToStream' };
    const close = async () => {
      if (typeof store.close === 'function') await store.close();
    };
    return { sink: new PeerSink(store, noStream, close) };
  }

  /**
   * The second peer: Emmett's PostgreSQL event store (`@event-driven-io/emmett-postgresql`, with
   * `@event-driven-io/emmett` and `@event-driven-io/pongo`), in the database of `url` (give it its own).
   * Its schema is migrated here, before any timed append; `close` ends its pool.
   */
  static async openPostgres(url: string): Promise<{ sink: PeerSink } | { missing: string }> {
    let postgresql: Record<string, unknown>;
    try {
      postgresql = require('@event-driven-io/emmett-postgresql') as Record<string, unknown>;
    } catch (error) {
      return { missing: `peer not installed (@event-driven-io/emmett-postgresql: ${(error as Error).message.split('\n')[0]})` };
    }
    let noStream: unknown;
    try {
      noStream = (require('@event-driven-io/emmett') as Record<string, unknown>).STREAM_DOES_NOT_EXIST;
    } catch {
      noStream = undefined;
    }
    const getStore = postgresql.getPostgreSQLEventStore as ((connectionString: string, options?: unknown) => EmmettEventStore) | undefined;
    if (typeof getStore !== 'function') return { missing: 'peer installed but getPostgreSQLEventStore is not exported' };
    const store = getStore(url, { schema: { autoMigration: 'CreateOrUpdate' } });
    if (typeof store.appendToStream !== 'function') return { missing: 'peer installed but its store has no appendToStream' };
    if (typeof store.schema?.migrate === 'function') await store.schema.migrate();
    return { sink: new PeerSink(store, noStream, async () => void (await store.close?.())) };
  }

  /** appends that hit SQLITE_BUSY and were tried again */
  retries = 0;

  async append(batch: readonly StreamAppend[]): Promise<void> {
    for (const { streamId, events } of batch) {
      const known = this.versions.get(streamId);
      const expected = known ?? this.noStream;
      const messages = events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, eventId: e.eventId, schemaVersion: e.schemaVersion ?? 1 } }));
      const options = expected === undefined ? undefined : { expectedStreamVersion: expected };
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await this.store.appendToStream(streamId, messages, options);
          this.versions.set(streamId, BigInt(result.nextExpectedStreamVersion));
          break;
        } catch (error) {
          // Emmett 0.38 opens and closes a connection per call; the next call can meet the previous one
          // still closing (SQLITE_BUSY). Its time counts; after a retry, a version conflict means the
          // first attempt had committed.
          const code = (error as { code?: string }).code;
          const name = (error as { name?: string }).name ?? '';
          if (attempt > 1 && /ExpectedVersionConflict|Concurrency/i.test(name + String((error as Error).message))) {
            this.versions.set(streamId, (known ?? 0n) + BigInt(events.length));
            break;
          }
          if (code !== 'SQLITE_BUSY' || attempt >= 20) throw error;
          this.retries++;
          await new Promise((resolve) => setTimeout(resolve, 2 * attempt));
        }
      }
    }
  }

  close(): Promise<void> {
    return this.closeStore();
  }
}

interface EmmettEventStore {
  appendToStream(streamName: string, events: unknown[], options?: { expectedStreamVersion?: unknown }): Promise<{ nextExpectedStreamVersion: bigint | number }>;
  close?: () => Promise<void> | void;
  schema?: { migrate?: () => Promise<unknown> };
}
