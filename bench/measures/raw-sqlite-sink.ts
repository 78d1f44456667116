import Database from 'better-sqlite3';
import type { StreamAppend } from '@cafeia/event-store';

/**
 * The limit for appends: plain better-sqlite3 inserts of the same rows, in the same batches (one
 * transaction each), into the same table (same columns, same UNIQUE indexes) with the same pragmas as
 * the SQLite event store — and nothing else: no expected-version check, no streams table, no canonical
 * JSON, no chain hash (a fixed 64-character value stands in for it). `JSON.stringify` of data and
 * metadata is inside the timing: a row cannot be written without it.
 */
export class RawSqliteSink {
  private readonly db: Database.Database;
  private readonly insertBatch: (batch: readonly StreamAppend[], versions: Map<string, number>) => void;
  private readonly versions = new Map<string, number>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.pragma('journal_size_limit = 67108864');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('cache_size = -65536');
    this.db.exec(`CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL,
      type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, chain_hash TEXT NOT NULL,
      UNIQUE (event_id), UNIQUE (stream_id, stream_version))`);
    const insert = this.db.prepare(
      'INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const hash = '0'.repeat(64);
    this.insertBatch = this.db.transaction((batch: readonly StreamAppend[], versions: Map<string, number>) => {
      for (const { streamId, events } of batch) {
        // the caller's own bookkeeping of versions, not a database lookup: that is the store's job
        let version = versions.get(streamId) ?? -1;
        for (const event of events) {
          version++;
          insert.run(event.eventId, streamId, version, event.type, event.schemaVersion ?? 1, JSON.stringify(event.data), JSON.stringify(event.metadata), hash);
        }
        versions.set(streamId, version);
      }
    });
  }

  insert(batch: readonly StreamAppend[]): void {
    this.insertBatch(batch, this.versions);
  }

  close(): void {
    this.db.close();
  }
}
