import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@cafeia/config';
import { openFigureCounts, type ReadModelQueries } from '@cafeia/projections';
import { figuresCsv, openDataPackage, type PublishedFigures } from '@cafeia/publication';
import type { Territories } from '@cafeia/territories';
import { APP_CONFIG, READ_MODELS, TERRITORIES } from '../infrastructure/tokens';
import { ReadModelSource } from '../read-side/read-model-source';
import { openFiguresTable } from './open-figures-table';
import { PublicUrls } from './public-urls';
import { suppressOffThread } from './suppress-off-thread';

/** The published table: every level, all time and every month, suppressed together. */
export interface PublishedTable {
  rows: readonly PublishedFigures[];
  /** the read-model position the counts were read at */
  position: string;
  computedAt: string;
  minCell: number;
}

export type FiguresLevel = PublishedFigures['level'];

/**
 * The open data, computed away from requests: the whole table (every level, all time and every month) is read
 * from the figures read model, suppressed at once (`suppressFigures`, seconds to a minute on a national table,
 * in a worker thread), and kept. Requests are answered from the kept table; when it is older than
 * OPEN_DATA_REFRESH_SECONDS and events came since, one recomputation starts in the background and the kept
 * table is served meanwhile. Only the very first request waits for the first table.
 */
@Injectable()
export class OpenFigures {
  private readonly logger = new Logger('open-data');
  private current: PublishedTable | null = null;
  private computing: Promise<PublishedTable> | null = null;
  private readonly csv = new Map<string, string>();

  constructor(
    private readonly source: ReadModelSource,
    @Inject(READ_MODELS) private readonly queries: ReadModelQueries,
    @Inject(TERRITORIES) private readonly territories: Territories,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly urls: PublicUrls,
  ) {}

  /** the kept table (starting a refresh when it is stale), or the first one */
  async table(): Promise<PublishedTable> {
    const current = this.current;
    if (!current) return this.refresh();
    const age = Date.now() - Date.parse(current.computedAt);
    if (age >= this.config.openDataRefreshSeconds * 1000 && !this.computing) {
      void this.queries
        .position()
        .then(({ position }) => {
          if ((position ?? '0') !== current.position) return this.refresh();
          // nothing new: the kept table stays right, and its age starts again
          this.current = { ...current, computedAt: new Date().toISOString() };
          return undefined;
        })
        .catch((error) => this.logger.warn({ msg: 'refreshing the open data failed; the previous table is served', error: String(error) }));
    }
    return current;
  }

  /** recomputes now (one at a time: a second caller waits for the same computation) */
  refresh(): Promise<PublishedTable> {
    this.computing ??= this.compute().finally(() => {
      this.computing = null;
    });
    return this.computing;
  }

  private async compute(): Promise<PublishedTable> {
    const started = Date.now();
    const { position } = await this.queries.position();
    const counts = await openFigureCounts(this.source.db(), this.territories as never);
    const rows = await suppressOffThread(openFiguresTable(counts, this.territories), this.config.openDataMinCell);
    const table: PublishedTable = { rows, position: position ?? '0', computedAt: new Date().toISOString(), minCell: this.config.openDataMinCell };
    this.current = table;
    this.csv.clear();
    this.logger.log({ msg: 'open data computed', rows: rows.length, suppressedCells: rows.reduce((n, r) => n + r.suppressed.length, 0), position: table.position, ms: Date.now() - started });
    return table;
  }

  /** the rows of a level (all levels when none), for all time or for one month */
  async rows(level: FiguresLevel | undefined, month: string | undefined): Promise<{ table: PublishedTable; rows: PublishedFigures[] }> {
    const table = await this.table();
    return { table, rows: table.rows.filter((row) => (level === undefined || row.level === level) && (month === undefined ? row.month === undefined : row.month === month)) };
  }

  /** every monthly row of a level (all levels when none) */
  async monthlyRows(level: FiguresLevel | undefined): Promise<PublishedFigures[]> {
    const table = await this.table();
    return table.rows.filter((row) => row.month !== undefined && (level === undefined || row.level === level));
  }

  /** a CSV file of the kept table, written once per table and file */
  async csvOf(file: string, build: () => Promise<PublishedFigures[]>): Promise<string> {
    const table = await this.table();
    const key = `${table.computedAt}|${file}`;
    let text = this.csv.get(key);
    if (text === undefined) {
      text = figuresCsv(await build());
      if (this.csv.size > 64) this.csv.clear();
      this.csv.set(key, text);
    }
    return text;
  }

  async dataPackage(base: string) {
    const table = await this.table();
    return openDataPackage({ minCell: table.minCell, baseUrl: this.urls.openData(base), updated: table.computedAt, withOpenSchemas: true });
  }
}
