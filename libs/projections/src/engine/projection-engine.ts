import { Kysely, sql } from 'kysely';
import { databaseKind, whileBulkLoading } from '@cafeia/database';
import { decodeStored, type DomainEvent } from '@cafeia/domain';
import type { StoredEvent } from '@cafeia/event-store';
import { READ_MODEL_SET } from '../read-models';
import type { ReadModelDb } from '../schema/read-model-db';
import { PlaceResolver, TerritoryDirectory } from '../territory/territory-directory';
import { Checkpoint, READ_MODELS, WHOLE_LOG, readCheckpoint, readCheckpoints, writeCheckpoint } from './checkpoints';
import type { Message, ProjectionContext, ReadModel, Source } from './read-model';

export interface ProjectionEngineOptions {
  /** checkpoint name (default 'read-models') */
  projection?: string;
  /**
   * 'shared' when several writers apply batches to the same tables at once (a Kafka consumer group, one
   * consumer per partition): the read models lock the rows they fold back. 'single' (default): one writer.
   */
  writers?: 'single' | 'shared';
  /** the read models applied (default: every one of this library) */
  models?: readonly ReadModel<any>[];
  /** for `updated_at` of the checkpoint */
  clock?: () => Date;
  /** test hook, called inside the transaction after each table is written (to simulate a crash mid-batch) */
  afterWrite?: (table: string) => void | Promise<void>;
}

export interface ApplyResult {
  /** events applied by this call */
  applied: number;
  /** events skipped because already applied (position at or before the checkpoint) */
  skipped: number;
  /** the checkpoint after the call */
  position: string | null;
}

const TRANSIENT_PG_ERRORS = new Set(['40001', '40P01', '23505']);

/**
 * Applies batches of stored events to the read models. Per batch, in ONE transaction:
 *  1. read the checkpoint of (projection, partition) and drop events at or before it (replays are no-ops);
 *  2. every read model loads the rows the batch touches;
 *  3. the events are folded in order, each given to the read models that handle it, and the changes they emit
 *     to the read models that handle those;
 *  4. every read model writes what changed, then the checkpoint moves, then commit.
 * A crash anywhere rolls the whole batch back, checkpoint included: resuming re-applies it exactly once. The
 * engine knows no read model: it batches, opens the transaction, dispatches and moves the checkpoint.
 */
export class ProjectionEngine {
  private readonly projection: string;
  private readonly models: readonly ReadModel<any>[];
  private readonly handlers = new Map<string, ReadModel<any>[]>();
  private readonly places: PlaceResolver;
  private bulk = false;

  constructor(
    private readonly db: Kysely<ReadModelDb>,
    territories: Pick<TerritoryDirectory, 'keysOf' | 'isParis'>,
    private readonly options: ProjectionEngineOptions = {},
  ) {
    this.places = new PlaceResolver(territories);
    this.projection = options.projection ?? READ_MODELS;
    this.models = options.models ?? READ_MODEL_SET;
    for (const model of this.models) {
      for (const type of model.handles) {
        const list = this.handlers.get(type) ?? [];
        list.push(model);
        this.handlers.set(type, list);
      }
    }
  }

  checkpoint(partition: string = WHOLE_LOG): Promise<Checkpoint | null> {
    return readCheckpoint(this.db, this.projection, partition);
  }

  checkpoints(): Promise<Checkpoint[]> {
    return readCheckpoints(this.db, this.projection);
  }

  /**
   * Runs `work` (the first catch-up of a fresh generation, nobody reading it yet) as a bulk load: SQLite without
   * journal on disk or sync (`whileBulkLoading`), PostgreSQL commits without waiting for their WAL flush
   * (`synchronous_commit = off`: a crash may lose the last commits, never half of one — read models and checkpoint
   * move together, and a generation that did not finish is dropped anyway).
   */
  async bulkLoad<T>(work: () => Promise<T>): Promise<T> {
    this.bulk = true;
    try {
      return await whileBulkLoading(this.db, work);
    } finally {
      this.bulk = false;
    }
  }

  /** Applies a batch (in position order) read from `partition`; events already applied are skipped. */
  async apply(events: readonly StoredEvent[], partition: string = WHOLE_LOG): Promise<ApplyResult> {
    if (events.length === 0) {
      const cp = await this.checkpoint(partition);
      return { applied: 0, skipped: 0, position: cp?.position ?? null };
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute((trx) => this.applyIn(trx, events, partition));
      } catch (error) {
        const code = (error as { code?: string }).code;
        // PostgreSQL may abort one of two writers sharing rows (deadlock, serialization): try again
        if (attempt < 5 && code !== undefined && TRANSIENT_PG_ERRORS.has(code)) continue;
        throw error;
      }
    }
  }

  private async applyIn(trx: Kysely<ReadModelDb>, events: readonly StoredEvent[], partition: string): Promise<ApplyResult> {
    if (this.bulk && databaseKind(trx) === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
    const current = await readCheckpoint(trx, this.projection, partition, true);
    const fresh = freshEvents(events, current?.position ?? null);
    if (fresh.length === 0) return { applied: 0, skipped: events.length, position: current?.position ?? null };

    const context: ProjectionContext = {
      placeOf: (code) => this.places.of(code),
      writers: this.options.writers ?? 'single',
      dialect: databaseKind(trx),
    };
    const decoded: { event: DomainEvent; source: Source }[] = [];
    for (const stored of fresh) {
      // a type this release does not know is skipped (it cannot change figures it does not define)
      const event = decodeStored(stored);
      if (event) decoded.push({ event, source: { position: stored.position, recordedAt: stored.metadata?.recordedAt ?? null } });
    }
    const domainEvents = decoded.map((d) => d.event);

    const batches = new Map<ReadModel<any>, unknown>();
    for (const model of this.models) batches.set(model, model.begin(context));
    for (const model of this.models) await model.load?.(trx, batches.get(model), domainEvents, context);

    let source: Source = decoded[0]?.source ?? { position: fresh[0].position, recordedAt: null };
    const dispatch = (message: Message): void => {
      const models = this.handlers.get(message.type);
      if (models) for (const model of models) model.apply(batches.get(model), message, dispatch, source, context);
    };
    for (const item of decoded) {
      source = item.source;
      dispatch(item.event);
    }

    const written = async (table: string) => this.options.afterWrite?.(table);
    for (const model of this.models) await model.write(trx, batches.get(model), context, written);

    const last = fresh[fresh.length - 1];
    const checkpoint: Checkpoint = {
      projection: this.projection,
      partition,
      position: last.position,
      eventsApplied: (current?.eventsApplied ?? 0) + fresh.length,
      lastEventAt: last.metadata?.recordedAt ?? null,
      updatedAt: (this.options.clock?.() ?? new Date()).toISOString(),
    };
    await writeCheckpoint(trx, checkpoint);
    await written('projection_checkpoints');
    return { applied: fresh.length, skipped: events.length - fresh.length, position: checkpoint.position };
  }
}

/**
 * Orders two positions. Positions are canonical decimal strings (no leading zero, see `isPosition`), so
 * the longer is the larger and equal lengths compare as text: the same order as `comparePositions`
 * without converting millions of strings to BigInt.
 */
const comparePositions = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the events strictly after the checkpoint, in position order, each position once. */
function freshEvents(events: readonly StoredEvent[], after: string | null): StoredEvent[] {
  let ordered = events;
  for (let i = 1; i < events.length; i += 1) {
    if (comparePositions(events[i - 1].position, events[i].position) > 0) {
      ordered = [...events].sort((a, b) => comparePositions(a.position, b.position));
      break;
    }
  }
  const fresh: StoredEvent[] = [];
  let last = after;
  for (const event of ordered) {
    if (last === null || comparePositions(event.position, last) > 0) {
      fresh.push(event);
      last = event.position;
    }
  }
  return fresh;
}
