/**
 * The embedded EventStore: one SQLite file (better-sqlite3, WAL).
 *
 * - `events.position` is the INTEGER PRIMARY KEY (rowid alias, no AUTOINCREMENT). Events are never
 *   deleted and a rolled-back append frees its rowids, so positions are gap-free 1..n. SQLite has one
 *   writer at a time and commits in the order positions were assigned, so a reader polling
 *   `position > last` never skips an event committed later with a smaller position.
 * - `streams` keeps each stream's version and last chain hash: the expected-version check and the
 *   previous hash are one primary-key lookup, done inside the append's transaction (BEGIN IMMEDIATE,
 *   so two connections, or two processes, serialise before reading the version).
 * - UNIQUE(stream_id, stream_version) backs the version check; UNIQUE(event_id) refuses a duplicate
 *   event id anywhere in the store with `DuplicateEventIdError` (the whole append is rolled back).
 * - `data` and `metadata` are canonical JSON text: serialised once, hashed and stored as the same
 *   string. `metadata` holds the stored metadata without `chainHash` (i.e. with `schemaVersion`), the
 *   exact object the chain hash covers; `chain_hash` and `schema_version` have their own columns.
 */
import { ensurePrivateFile } from '@cafeia/database';
import Database from 'better-sqlite3';
import { canonicalJson, computeChainHashFromCanonical } from '../chain-hash';
import {
  AppendResult,
  DuplicateEventIdError,
  EventStore,
  ExpectedVersion,
  FoldableEvent,
  NewEvent,
  ReadAllOptions,
  StoredEvent,
  SubscribeAllOptions,
  Subscription,
  WrongExpectedVersionError,
  isPosition,
} from '../event-store.port';

export interface SqliteEventStoreOptions {
  /** how often an idle subscription looks for events written by another connection (ms) */
  pollIntervalMs?: number;
  /** how long a writer waits for another connection's write lock before failing (ms) */
  busyTimeoutMs?: number;
  /** WAL size (pages) that triggers a checkpoint; default 10 000 (~40 MB) */
  walAutocheckpointPages?: number;
  /**
   * once a subscription is live, how long it lets new events gather after a wake-up before reading them
   * (ms, default 0): a projector applying one batch of 50 events costs far less than 50 batches of one
   */
  liveLingerMs?: number;
  /** told after every commit of this instance (e.g. to wake a projector thread reading through its own connection) */
  onCommit?: () => void;
  /**
   * group commit (default false): `append`s made in the same turn of the event loop share one transaction,
   * each in its own savepoint; pair it with `StreamLocks` so that concurrent commands on one stream queue
   */
  groupCommit?: boolean;
}

export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
}

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: string;
  metadata: string;
  chain_hash: string;
}

interface FoldRow {
  position: number;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
}

interface StreamRow {
  version: number;
  chain_hash: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  event_id       TEXT    NOT NULL,
  stream_id      TEXT    NOT NULL,
  stream_version INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  chain_hash     TEXT    NOT NULL,
  CONSTRAINT events_event_id_unique UNIQUE (event_id),
  CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id  TEXT    PRIMARY KEY,
  version    INTEGER NOT NULL,
  chain_hash TEXT    NOT NULL
) WITHOUT ROWID;
`;

const EVENT_COLUMNS = 'position, event_id, stream_id, stream_version, type, data, metadata, chain_hash';

const DEFAULT_BATCH_SIZE = 500;

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly liveLingerMs: number;
  private readonly statements: {
    selectStream: Database.Statement<[string], StreamRow>;
    insertEvent: Database.Statement<[string, string, number, string, number, string, string, string]>;
    upsertStream: Database.Statement<[string, number, string]>;
    readStream: Database.Statement<[string, number], EventRow>;
    readStreamForFold: Database.Statement<[string, number], FoldRow>;
    readAll: Database.Statement<[number, number], EventRow>;
    head: Database.Statement<[], { head: number | null }>;
    lastVersionInEvents: Database.Statement<[string], { version: number | null }>;
  };
  private readonly appendTransaction: (batch: readonly StreamAppend[], withEvents: boolean) => AppendResult[];
  private readonly groupTransaction: (group: readonly StreamAppend[]) => ({ ok: AppendResult } | { error: unknown })[];
  /** appends waiting for the next shared transaction (group commit) */
  private pending: { entry: StreamAppend; resolve: (result: AppendResult) => void; reject: (error: unknown) => void }[] = [];
  private flushScheduled = false;
  /** an append committed alone in this turn of the event loop: the next ones of the turn wait for the shared commit */
  private turnCommitted = false;
  private readonly groupCommit: boolean;
  /** subscriptions of this instance waiting for news: woken right after a commit */
  private readonly waiters = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  /** told after every commit of this instance (set it after opening, e.g. once a projector thread runs) */
  onCommit: (() => void) | undefined;

  /** `file`: a path, or ':memory:' for a private in-memory store */
  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.liveLingerMs = options.liveLingerMs ?? 0;
    this.onCommit = options.onCommit;
    this.groupCommit = options.groupCommit ?? false;
    if (file !== ':memory:') ensurePrivateFile(file);
    this.db = new Database(file, { timeout: options.busyTimeoutMs ?? 10_000 });
    if (file !== ':memory:' && file !== '') {
      this.db.pragma('journal_mode = WAL');
      // Checkpoints cost an fsync each and rewrite every page the WAL touched: doing them 10× less often
      // than SQLite's default (1 000 pages) more than doubles bulk append rates; the WAL file is then
      // truncated back to 64 MB at most.
      this.db.pragma(`wal_autocheckpoint = ${Math.trunc(options.walAutocheckpointPages ?? 10_000)}`); // 0: another connection checkpoints
      this.db.pragma('journal_size_limit = 67108864');
    }
    // WAL + NORMAL: a commit survives a process crash; only an OS crash can lose the last commits
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('cache_size = -65536');
    this.db.exec(SCHEMA);
    this.statements = {
      selectStream: this.db.prepare('SELECT version, chain_hash FROM streams WHERE stream_id = ?'),
      insertEvent: this.db.prepare(
        'INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertStream: this.db.prepare(
        'INSERT INTO streams (stream_id, version, chain_hash) VALUES (?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, chain_hash = excluded.chain_hash',
      ),
      readStream: this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version`),
      // a fold needs neither ids, metadata nor chain hashes: about half the cost of a row
      readStreamForFold: this.db.prepare(
        'SELECT position, stream_version, type, schema_version, data FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version',
      ),
      readAll: this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      head: this.db.prepare('SELECT max(position) AS head FROM events'),
      lastVersionInEvents: this.db.prepare('SELECT max(stream_version) AS version FROM events WHERE stream_id = ?'),
    };
    // a bulk load (appendMany) is not answered with its events: building them would cost it a parse per event
    const appendAll = this.db.transaction((batch: readonly StreamAppend[], withEvents: boolean) => batch.map((entry) => this.appendInTransaction(entry, withEvents)));
    this.appendTransaction = (batch, withEvents) => appendAll.immediate(batch, withEvents);
    // each append of a group in a savepoint of its own: one that fails (a version conflict) leaves the others
    const appendOne = this.db.transaction((entry: StreamAppend) => this.appendInTransaction(entry, true));
    const appendGroup = this.db.transaction((group: readonly StreamAppend[]) =>
      group.map((entry) => {
        try {
          return { ok: appendOne(entry) };
        } catch (error) {
          return { error };
        }
      }),
    );
    this.groupTransaction = (group) => appendGroup.immediate(group);
  }

  /**
   * With `groupCommit`, the appends of concurrent commands made in the same turn of the event loop share one
   * transaction, each still checked against its own expected version (in its own savepoint) and answered with
   * its own position or error. A commit costs one WAL write for all of them instead of one each. The first append
   * of a turn commits at once, alone: a command that no other is waiting beside pays no wait.
   */
  append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    try {
      this.assertOpen();
      if (!this.groupCommit) return Promise.resolve(this.appendBatch([{ streamId, events, expectedVersion }], true)[0]);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!this.turnCommitted && !this.flushScheduled) {
      // nobody is waiting: commit at once (a command run alone pays no turn of the event loop), and let the appends
      // that arrive during the rest of this turn gather behind it for one shared commit
      this.turnCommitted = true;
      setImmediate(() => (this.turnCommitted = false));
      return new Promise<AppendResult>((resolve, reject) => this.commitGroup([{ entry: { streamId, events, expectedVersion }, resolve, reject }]));
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ entry: { streamId, events, expectedVersion }, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flushAppends());
    });
  }

  private flushAppends(): void {
    this.flushScheduled = false;
    const group = this.pending;
    this.pending = [];
    if (group.length > 0) this.commitGroup(group);
  }

  private commitGroup(group: SqliteEventStore['pending']): void {
    let outcomes: ({ ok: AppendResult } | { error: unknown })[];
    try {
      this.assertOpen();
      outcomes = this.groupTransaction(group.map((p) => p.entry));
    } catch (error) {
      for (const { reject } of group) reject(error);
      return;
    }
    if (outcomes.some((o) => 'ok' in o)) {
      for (const wake of [...this.waiters]) wake();
      this.onCommit?.();
    }
    outcomes.forEach((outcome, i) => ('ok' in outcome ? group[i].resolve(outcome.ok) : group[i].reject(outcome.error)));
  }

  /**
   * Several streams' appends in ONE transaction (bulk loaders): all are written or none, each with its
   * own expected-version check; a stream may appear more than once, each entry seeing the previous.
   */
  async appendMany(batch: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.appendBatch(batch, false);
  }

  async readStream(streamId: string, fromVersion = 0): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.statements.readStream.all(streamId, fromVersion).map(toStoredEvent);
  }

  async readStreamForFold(streamId: string, fromVersion = 0): Promise<FoldableEvent[]> {
    this.assertOpen();
    return this.statements.readStreamForFold.all(streamId, fromVersion).map(toFoldableEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.readAllSync(options.after, options.limit);
  }

  async headPosition(): Promise<string | null> {
    this.assertOpen();
    const { head } = this.statements.head.get() ?? { head: null };
    return head === null ? null : String(head);
  }

  subscribeAll(handler: (batch: StoredEvent[]) => Promise<void>, options: SubscribeAllOptions = {}): Subscription {
    this.assertOpen();
    if (options.after !== undefined) parsePosition(options.after);
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);

    let after = options.after;
    let stopped = false;
    let wakeUp: (() => void) | null = null;

    // Resolves on the next commit of this instance, after the poll interval (another connection may
    // have written), or on close.
    const news = () =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          wakeUp = null;
          resolve();
        };
        const timer = setTimeout(wake, this.pollIntervalMs);
        this.waiters.add(wake);
        wakeUp = wake;
      });

    const run = async () => {
      await Promise.resolve(); // the first handler call never happens inside subscribeAll()
      while (!stopped) {
        const batch = this.readAllSync(after, batchSize);
        if (batch.length === 0) {
          await news();
          if (this.liveLingerMs > 0 && !stopped) await new Promise((resolve) => setTimeout(resolve, this.liveLingerMs));
          continue;
        }
        await handler(batch);
        after = batch[batch.length - 1].position;
        // better-sqlite3 is synchronous: let the process serve its I/O (HTTP reads) between batches of a catch-up
        await new Promise((resolve) => setImmediate(resolve));
      }
    };

    const done = run();
    const ended = done.then(
      () => undefined,
      () => undefined,
    );
    const subscription: Subscription = {
      done,
      close: async () => {
        stopped = true;
        wakeUp?.();
        // waits for a handler call in flight: do not await close() from inside the handler
        await ended;
        this.subscriptions.delete(subscription);
      },
    };
    void ended.then(() => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** wakes this instance's live subscriptions now: another connection (thread, process) has committed */
  wake(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * Copies the WAL into the database file without waiting for readers or writers (PRAGMA wal_checkpoint(PASSIVE)),
   * for a connection that runs the checkpoints instead of the writer's (`walAutocheckpointPages: 0` there).
   */
  checkpoint(): { log: number; checkpointed: number } {
    this.assertOpen();
    const [row] = this.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    return { log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.pending.length > 0) this.flushAppends();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.closed = true;
    this.db.close();
  }

  private appendBatch(batch: readonly StreamAppend[], withEvents: boolean): AppendResult[] {
    this.assertOpen();
    const results = this.appendTransaction(batch, withEvents);
    for (const wake of [...this.waiters]) wake();
    this.onCommit?.();
    return results;
  }

  private appendInTransaction({ streamId, events, expectedVersion }: StreamAppend, withEvents: boolean): AppendResult {
    if (events.length === 0) throw new RangeError(`stream ${streamId}: an append needs at least one event`);
    const stream = this.statements.selectStream.get(streamId);
    const actual = stream ? stream.version : -1;
    if (!versionMatches(expectedVersion, actual)) throw new WrongExpectedVersionError(streamId, expectedVersion, actual);

    let version = actual;
    let previousHash: string | null = stream ? stream.chain_hash : null;
    let position = 0;
    // a command's events usually share one metadata object: serialise it once
    let lastMetadata: object | null = null;
    let lastSchemaVersion = 0;
    let metadataJson = '';
    // the events as stored, as `readStream` would give them back (parsed from the stored text, not the caller's objects)
    const stored: StoredEvent[] = [];
    for (const event of events) {
      version++;
      const schemaVersion = event.schemaVersion ?? 1;
      if (event.metadata !== lastMetadata || schemaVersion !== lastSchemaVersion) {
        const { chainHash: _dropped, ...metadata } = event.metadata as unknown as Record<string, unknown>;
        metadataJson = canonicalJson({ ...metadata, schemaVersion });
        lastMetadata = event.metadata;
        lastSchemaVersion = schemaVersion;
      }
      const dataJson = canonicalJson(event.data);
      const chainHash = computeChainHashFromCanonical(previousHash, {
        eventId: event.eventId,
        streamId,
        streamVersion: version,
        type: event.type,
        schemaVersion,
        dataJson,
        metadataJson,
      });
      try {
        const info = this.statements.insertEvent.run(event.eventId, streamId, version, event.type, schemaVersion, dataJson, metadataJson, chainHash);
        position = Number(info.lastInsertRowid);
      } catch (error) {
        throw this.translateInsertError(error, streamId, event.eventId, expectedVersion);
      }
      if (withEvents) {
        const row = { position, event_id: event.eventId, stream_id: streamId, stream_version: version, type: event.type, data: dataJson, metadata: metadataJson, chain_hash: chainHash };
        stored.push(toStoredEvent(row));
      }
      previousHash = chainHash;
    }
    this.statements.upsertStream.run(streamId, version, previousHash as string);
    const result: AppendResult = { nextExpectedVersion: version, position: String(position) };
    if (withEvents) result.events = stored;
    return result;
  }

  private translateInsertError(error: unknown, streamId: string, eventId: string, expected: ExpectedVersion): unknown {
    const code = (error as { code?: unknown }).code;
    // not `instanceof Error`: better-sqlite3 builds its errors in the realm that first loaded it (jest runs each
    // test file in its own realm), so read the fields instead
    const raw = (error as { message?: unknown }).message;
    const message = typeof raw === 'string' ? raw : '';
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && message.includes('events.event_id')) return new DuplicateEventIdError(streamId, eventId);
    // only reachable if something wrote events without maintaining `streams`
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && message.includes('events.stream_id')) {
      const { version } = this.statements.lastVersionInEvents.get(streamId) ?? { version: null };
      return new WrongExpectedVersionError(streamId, expected, version ?? -1);
    }
    return error;
  }

  private readAllSync(after: string | undefined, limit: number | undefined): StoredEvent[] {
    const from = after === undefined ? 0 : parsePosition(after);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
    return this.statements.readAll.all(from, limit ?? -1).map(toStoredEvent);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('SqliteEventStore is closed');
  }
}

function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === -1;
  if (!Number.isInteger(expected) || expected < -1) throw new RangeError(`invalid expected version ${String(expected)}`);
  return expected === actual;
}

function parsePosition(position: string): number {
  if (!isPosition(position)) throw new RangeError(`invalid position ${JSON.stringify(position)}`);
  const value = Number(position);
  if (!Number.isSafeInteger(value)) throw new RangeError(`position ${position} is out of this store's range`);
  return value;
}

function toFoldableEvent(row: FoldRow): FoldableEvent {
  return {
    streamVersion: row.stream_version,
    position: String(row.position),
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: { schemaVersion: row.schema_version },
  };
}

function toStoredEvent(row: EventRow): StoredEvent {
  const metadata = JSON.parse(row.metadata) as StoredEvent['metadata'];
  metadata.chainHash = row.chain_hash;
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: String(row.position),
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata,
  };
}
