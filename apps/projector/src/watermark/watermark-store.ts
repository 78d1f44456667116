import { Kysely, sql } from 'kysely';
import { databaseKind } from '@cafeia/database';
import { READ_MODELS, WHOLE_LOG, readCheckpoint, type ReadModelDb } from '@cafeia/projections';
import { writeCheckpoint } from '@cafeia/projections';
import { LogLink, stillAhead, Watermark } from './log-links';

/** Links of applied events the watermark has not passed yet: up to tens of thousands while one partition runs ahead of another. */
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
      // the watermark walks the chain by previous position
      .then(() => this.links.schema.createIndex(`${LINKS_TABLE}_previous`).ifNotExists().on(LINKS_TABLE).column('previous_position').execute())
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

  /**
   * records the links of applied events and moves the watermark as far as the chain allows: from the
   * watermark W, the link whose previous position is W, then the one after it… (`advance` in
   * log-links.ts, walked here in SQL over the index on previous_position, so that a batch costs what it
   * inserts and what the watermark passes, not every link still waiting past a gap — tens of thousands
   * while one partition runs ahead of another)
   */
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
      const passed = await walkChain(trx, current.position ?? '');
      if (!passed) return current;
      const watermark: Watermark = { position: passed.position, at: passed.recordedAt, events: current.events + passed.count };
      await writeCheckpoint(trx, {
        projection: this.projection,
        partition: WHOLE_LOG,
        position: watermark.position!,
        eventsApplied: watermark.events,
        lastEventAt: watermark.at,
        updatedAt: (this.options.clock?.() ?? new Date()).toISOString(),
      });
      return watermark;
    });
  }
}

/**
 * Follows the chain of links from the watermark `from` ('' before the first event) and forgets the links
 * it passed; returns the last one and how many there were, or null when no link follows the watermark.
 * One index probe when nothing follows (the usual case while a gap is open), then one per link passed.
 *
 * On PostgreSQL, hash and merge joins are off for the walk: without statistics on the table (a new one,
 * or one last analyzed while small) the planner makes the recursive step a hash join over a sequential
 * scan of the whole table, once per link passed — measured: 75 s for a chain of 30,000 links, against
 * 0.1 s for the nested loop over the index on previous_position.
 */
async function walkChain(trx: Kysely<any>, from: string): Promise<{ position: string; recordedAt: string; count: number } | null> {
  const postgres = databaseKind(trx) === 'postgres';
  const links = sql.table(LINKS_TABLE);
  // set local: a failed statement rolls the transaction back, and the settings with it
  const joins = async (setting: 'off' | 'default') => {
    await sql.raw(`set local enable_hashjoin = ${setting}`).execute(trx);
    await sql.raw(`set local enable_mergejoin = ${setting}`).execute(trx);
  };
  if (postgres) await joins('off');
  const { rows } = await sql<{ position: string; recorded_at: string; n: number | string }>`
    with recursive chain (position, recorded_at, n) as (
      select position, recorded_at, 1 from ${links} where previous_position = ${from}
      union all
      select l.position, l.recorded_at, chain.n + 1 from ${links} l join chain on l.previous_position = chain.position
    )
    select position, recorded_at, n from chain order by n desc limit 1`.execute(trx);
  if (rows.length > 0) {
    await sql`
      with recursive chain (position) as (
        select position from ${links} where previous_position = ${from}
        union all
        select l.position from ${links} l join chain on l.previous_position = chain.position
      )
      delete from ${links} where position in (select position from chain)`.execute(trx);
  }
  if (postgres) await joins('default');
  return rows.length === 0 ? null : { position: rows[0].position, recordedAt: rows[0].recorded_at, count: Number(rows[0].n) };
}
