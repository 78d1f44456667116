import { Kysely } from 'kysely';
import type { TerritoryLevel } from '@cafeia/domain';
import type { ReadModelDb } from '../schema/read-model-db';
import { NATION, TerritoryDirectory, TerritoryInfo, territoryKey } from '../territory/territory-directory';
import { Figures, noStoredFigures, toFigures } from '../figures/figures';
import { READ_MODELS, WHOLE_LOG, readCheckpoint } from '../engine/checkpoints';
import { FiguresReader } from '../figures/figures-reader';
import { Progress, Timeline, progressFrom, reachedBeforeWindow, timeline } from '../figures/progress';
import type { Granularity } from './calendar';
import { Page, PageRequest, pageOf } from './pages';
import { FundingRecord, FundingSummary, findFunding, listFundings } from '../fundings/fundings.queries';
import { AccessGrant, findAccessGrant } from '../access/access.queries';
import { AnimatorItem, AnimatorQuery, listAnimators } from '../animators/animators.queries';
import { CafeItem, CafeQuery, findCafe, listCafes, upcomingCafes } from '../cafes/cafes.queries';
import { StructureItem, StructureQuery, listStructures, topStructures } from '../structures/structures.queries';
import { Reporting, noReporting } from '../reporting/reporting';
import { reportingOf } from '../reporting/reporting.queries';
import { NetworkItem, NetworkReport, findNetwork, listNetworks, networkExists, networkStructureIds } from '../networks/networks.queries';
import type { Breakdown, BreakdownQuery } from '../breakdowns/breakdown';
import { breakdown } from '../breakdowns/breakdowns.queries';
import { AsOf, ProgressAsOf, TerritoryAsOf, progressAsOf, territoryAsOf } from '../asof/asof.queries';
import { CHILD_LEVEL, childCodes, epciCodesOf } from './territory-children';

export interface ReadModelQueriesOptions {
  /** national target (TARGET_PEOPLE) */
  target: number;
  /** YYYY-MM-DD (TARGET_DEADLINE) */
  deadline: string;
  clock?: () => Date;
  projection?: string;
}

export interface TerritoryChild {
  code: string;
  name: string;
  figures: Figures;
}

export interface TerritoryReport {
  code: string;
  level: TerritoryLevel;
  name: string;
  figures: Figures;
  target: number;
  progress: number;
  children: TerritoryChild[];
  /** a department's answer only: the EPCIs that touch it */
  epcis?: TerritoryChild[];
  upcomingCafes: CafeItem[];
  topStructures: StructureItem[];
}

export interface TerritoryRanking {
  rank: number;
  code: string;
  level: TerritoryLevel;
  name: string;
  figures: Figures;
  target: number;
  progress: number;
}

export interface ReadPosition {
  /** last applied position, null before any event */
  position: string | null;
  /** recordedAt of the last applied event */
  at: string | null;
}

/**
 * Every read of API.md's read side, answering exactly the documented bodies (without `asOf`, which the
 * HTTP layer adds from `position()`). Takes the read-model database; pass a function to follow a
 * rebuild's switch to a new generation.
 */
export class ReadModelQueries {
  private readonly clock: () => Date;

  constructor(
    private readonly database: Kysely<ReadModelDb> | (() => Kysely<ReadModelDb>),
    private readonly directory: TerritoryDirectory,
    private readonly options: ReadModelQueriesOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  private get db(): Kysely<ReadModelDb> {
    return typeof this.database === 'function' ? this.database() : this.database;
  }

  private now(): number {
    return this.clock().getTime();
  }

  async position(): Promise<ReadPosition> {
    const checkpoint = await readCheckpoint(this.db, this.options.projection ?? READ_MODELS, WHOLE_LOG);
    return { position: checkpoint?.position ?? null, at: checkpoint?.lastEventAt ?? null };
  }

  async progress(): Promise<Progress> {
    const nowMs = this.now();
    const reader = new FiguresReader(this.db);
    const [figures, before] = await Promise.all([reader.nation(nowMs), reachedBeforeWindow(reader, nowMs)]);
    return progressFrom(figures, before, this.options.target, this.options.deadline, nowMs);
  }

  timeline(options: { granularity: Granularity; from?: string; to?: string }): Promise<Timeline> {
    return timeline(this.db, options, this.now());
  }

  private info(level: TerritoryLevel, code: string): TerritoryInfo | null {
    try {
      return this.directory[level]?.(code) ?? null;
    } catch {
      return null;
    }
  }

  private name(level: TerritoryLevel, code: string): string {
    return this.info(level, code)?.name ?? code;
  }

  private async targets(keys: { level: TerritoryLevel; code: string }[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (keys.length === 0) return out;
    const all = keys.map(({ level, code }) => territoryKey(level, code));
    const rows = await this.db.selectFrom('territory_targets').select(['territory_key', 'people']).where('territory_key', 'in', all).execute();
    const set = new Map(rows.map((r) => [r.territory_key, Number(r.people)]));
    for (const { level, code } of keys) {
      const key = territoryKey(level, code);
      out.set(key, set.get(key) ?? this.directory.apportion(this.options.target, level, code) ?? 0);
    }
    return out;
  }

  /** null when the territory does not exist */
  async territory(level: TerritoryLevel, code: string): Promise<TerritoryReport | null> {
    const info = this.info(level, code);
    if (!info) return null;
    const nowMs = this.now();
    const reader = new FiguresReader(this.db);
    const key = territoryKey(level, code);

    const childLevel = CHILD_LEVEL[level];
    const children = (await childCodes(this.db, this.directory, level, code)).map((c) => ({ code: c, name: this.name(childLevel!, c) }));
    const epcis = level === 'department' ? epciCodesOf(this.directory, code, children.map((c) => c.code)).map((c) => ({ code: c, name: this.name('epci', c) })) : null;
    const keys = [key, ...children.map((c) => territoryKey(childLevel!, c.code)), ...(epcis ?? []).map((e) => territoryKey('epci', e.code))];
    const figures = await reader.ofKeys(keys, nowMs);
    const target = (await this.targets([{ level, code }])).get(key)!;
    const own = figures.get(key)!;
    return {
      code,
      level,
      name: info.name,
      figures: own,
      target,
      progress: target > 0 ? own.peopleReached / target : 0,
      children: children.map((c) => ({ code: c.code, name: c.name, figures: figures.get(territoryKey(childLevel!, c.code))! })),
      ...(epcis ? { epcis: epcis.map((e) => ({ code: e.code, name: e.name, figures: figures.get(territoryKey('epci', e.code))! })) } : {}),
      upcomingCafes: await upcomingCafes(this.db, { level, code }, nowMs),
      topStructures: await topStructures(this.db, { level, code }),
    };
  }

  /**
   * every territory of a level with its figures, ranked by people reached, then cafés held, then code;
   * `within` keeps only some (a coordinator's), ranked among themselves
   */
  async territories(level: TerritoryLevel, request: PageRequest = {}, within?: (code: string) => boolean): Promise<Page<TerritoryRanking>> {
    const { page, pageSize, offset } = pageOf(request);
    const figures = await new FiguresReader(this.db).ofLevel(level, this.now());
    const none = toFigures(noStoredFigures(), 0, 0, noReporting());
    const ranked = this.directory
      .all(level)
      .filter((t) => !within || within(t.code))
      .map((t) => ({ info: t, figures: figures.get(t.code) ?? none }))
      .sort((a, b) => b.figures.peopleReached - a.figures.peopleReached || b.figures.cafesHeld - a.figures.cafesHeld || a.info.code.localeCompare(b.info.code));
    const slice = ranked.slice(offset, offset + pageSize);
    const targets = await this.targets(slice.map(({ info }) => ({ level, code: info.code })));
    return {
      items: slice.map(({ info, figures: f }, i) => {
        const target = targets.get(territoryKey(level, info.code))!;
        return { rank: offset + i + 1, code: info.code, level, name: info.name, figures: f, target, progress: target > 0 ? f.peopleReached / target : 0 };
      }),
      page,
      pageSize,
      total: ranked.length,
    };
  }

  cafes(query: CafeQuery = {}): Promise<Page<CafeItem>> {
    return listCafes(this.db, query, this.now());
  }

  cafe(id: string): Promise<CafeItem | null> {
    return findCafe(this.db, id, this.now());
  }

  structures(query: StructureQuery = {}): Promise<Page<StructureItem>> {
    return listStructures(this.db, query);
  }

  animators(query: AnimatorQuery = {}): Promise<Page<AnimatorItem>> {
    return listAnimators(this.db, query);
  }

  /** the live access grant of a (hashed) email, for signing in with OpenID Connect */
  accessGrant(grantId: string): Promise<AccessGrant | null> {
    return findAccessGrant(this.db, grantId);
  }

  /** the fundings, of one funder when given */
  fundings(query: { funderId?: string; page?: number; pageSize?: number } = {}): Promise<Page<FundingSummary>> {
    return listFundings(this.db, query);
  }

  /** a funding with its funder and supported structures (for the audit), null when unknown */
  funding(id: string): Promise<FundingRecord | null> {
    return findFunding(this.db, id);
  }

  /** national figures (also in `progress()`) */
  nationalFigures(): Promise<Figures> {
    return new FiguresReader(this.db).nation(this.now());
  }

  /** the figures of one territory key ('nation' or 'region:84'…), zeros when nothing happened there */
  async figuresOf(key: string): Promise<Figures> {
    return (await new FiguresReader(this.db).ofKeys([key], this.now())).get(key)!;
  }

  /** reporting completeness of a territory key at `nowMs` (default: the clock); also inside every `Figures` */
  async reporting(key: string, nowMs: number = this.now()): Promise<Reporting> {
    return (await reportingOf(this.db, { keys: [key] }, nowMs)).get(key) ?? noReporting();
  }

  /** `GET /v1/networks`: every network with its figures, ranked by people reached; `within` keeps some (a network role's own) */
  networks(request: PageRequest = {}, within?: (networkId: string) => boolean): Promise<Page<NetworkItem>> {
    return listNetworks(this.db, request, this.now(), within);
  }

  /** `GET /v1/networks/{id}`, null when no such network */
  network(id: string): Promise<NetworkReport | null> {
    return findNetwork(this.db, this.directory, id, this.now());
  }

  /** whether the network exists, without computing its figures */
  networkExists(id: string): Promise<boolean> {
    return networkExists(this.db, id);
  }

  /** the current member structures of a network (the `network` role's scope): [] when unknown or empty */
  networkStructureIds(id: string): Promise<string[]> {
    return networkStructureIds(this.db, id);
  }

  /** `GET /v1/breakdowns`; throws `BreakdownQueryError` (naming the parameter) on a bad `by`, `from`, `to` or `territory` */
  breakdown(query: BreakdownQuery): Promise<Breakdown> {
    return breakdown(this.db, query);
  }

  /**
   * `GET /v1/progress?asOfDate=D`: the progress as it stood at the end of Paris day D, from the events recorded
   * by then, "now" being the end of D; with `asOf: {date, at, position}`. Throws RangeError on a malformed date.
   */
  progressAsOf(date: string): Promise<ProgressAsOf> {
    return progressAsOf(this.db, date, this.options.target, this.options.deadline);
  }

  /**
   * `GET /v1/territories/{level}/{code}?asOfDate=D`: the territory's figures, target and children as they stood at
   * the end of Paris day D (no upcoming cafés nor top structures: those are today's); null when the territory does
   * not exist. Throws RangeError on a malformed date.
   */
  async territoryFiguresAsOf(level: TerritoryLevel, code: string, date: string): Promise<TerritoryAsOf | null> {
    const info = this.info(level, code);
    if (!info) return null;
    return territoryAsOf(this.db, this.directory, { level, code, name: info.name }, date, this.options.target);
  }
}

export type { AsOf, ProgressAsOf, TerritoryAsOf };

export { NATION };
