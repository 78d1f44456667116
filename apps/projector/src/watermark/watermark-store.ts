import { Kysely, sql } from 'kysely';
import { databaseKind } from '@cafeia/database';
import { comparePositions } from '@cafeia/event-store';
import { READ_MODELS, WHOLE_LOG, readCheckpoint, type ReadModelDb } from '@cafeia/projections';
import { writeCheckpoint } from '@cafeia/projections';
import { advance, LogLink, stillAhead, Watermark } from './log-links';

/** Links of applied events the watermark has not passed yet (a handful of batches at most, in practice). */
export const LINKS_TABLE = 'projector_log_links';

interface LinkRow {
  position: string;
  previous_position: string;
  recorded_at: string;
}
interface LinksDb {
  [LINKS_TABLE]: LinkRow;
}

const CHUNK = 1000;

/**
 * Keeps "applied up to" in the read-model database itself, as the checkpoint of the whole log
 * (`projection_checkpoints`, partition `all`): that is the row `ReadModelQueries.position()` reads, so
 * `asOf` and `?minPosition=` are truthful whether the read models are fed by a store subscription
 * (embedded default) or by Kafka partitions consumed in any order (this projector).
 *
 * Called after the batch's events are applied (and committed) and before their offsets are committed
 * to Kafka: a crash in between redelivers the batch, the engine skips the events, and their links are
 * recorded then. So a link is never recorded for an event that is not applied, and none is lost.
 */
export class WatermarkStore {
  private ready: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<ReadModelDb>,
    private readonly options: { projection?: string; clock?: () => Date } = {},
  ) {}

  private get projection(): string {
    return this.options.projection ?? READ_MODELS;
  }

  private get links(): Kysely<LinksDb> {
    return this.db as unknown as Kysely<LinksDb>;
  }

  ensureTable(): Promise<void> {
    this.ready ??= this.links.schema
      .createTable(LINKS_TABLE)
      .ifNotExists()
      .addColumn('position', 'text', (c) => c.primaryKey())
      // '' for the first event of the log
      .addColumn('previous_position', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.ready = null;
        throw error;
      });
    return this.ready;
  }

  async read(): Promise<Watermark> {
    const checkpoint = await readCheckpoint(this.db, this.projection, WHOLE_LOG);
    return checkpoint ? { position: checkpoint.position, at: checkpoint.lastEventAt, events: checkpoint.eventsApplied } : { position: null, at: null, events: 0 };
  }

  async pending(): Promise<number> {
    await this.ensureTable();
    const row = await this.links.selectFrom(LINKS_TABLE).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** records the links of applied events and moves the watermark as far as the chain allows */
  async record(applied: readonly LogLink[]): Promise<Watermark> {
    await this.ensureTable();
    return this.db.transaction().execute(async (trx) => {
      // several projector processes of the group may record at once: one at a time moves the watermark
      if (databaseKind(this.db) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`cafeia-watermark:${this.projection}`}))`.execute(trx);
      const links = trx as unknown as Kysely<LinksDb>;
      const before = await readCheckpoint(trx, this.projection, WHOLE_LOG, true);
      const current: Watermark = before
        ? { position: before.position, at: before.lastEventAt, events: before.eventsApplied }
        : { position: null, at: null, events: 0 };

      const fresh = stillAhead(applied, current.position);
      for (let i = 0; i < fresh.length; i += CHUNK) {
        await links
          .insertInto(LINKS_TABLE)
          .values(fresh.slice(i, i + CHUNK).map((l) => ({ position: l.position, previous_position: l.previous ?? '', recorded_at: l.recordedAt })))
          .onConflict((oc) => oc.column('position').doNothing())
          .execute();
      }
      const rows = await links.selectFrom(LINKS_TABLE).selectAll().execute();
      const { watermark, passed } = advance(
        current,
        rows.map((r) => ({ position: r.position, previous: r.previous_position === '' ? null : r.previous_position, recordedAt: r.recorded_at })),
      );
      if (passed.length === 0) return current;

      await writeCheckpoint(trx, {
        projection: this.projection,
        partition: WHOLE_LOG,
        position: watermark.position!,
        eventsApplied: watermark.events,
        lastEventAt: watermark.at,
        updatedAt: (this.options.clock?.() ?? new Date()).toISOString(),
      });
      // forget what the watermark passed, and stale links of redelivered events behind it
      const forget = rows.filter((r) => comparePositions(r.position, watermark.position!) <= 0).map((r) => r.position);
      for (let i = 0; i < forget.length; i += CHUNK) {
        await links.deleteFrom(LINKS_TABLE).where('position', 'in', forget.slice(i, i + CHUNK)).execute();
      }
      return watermark;
    });
  }
}
