import { Kysely } from 'kysely';
import type { TerritoryLevel } from '@cafeia/domain';
import { dayNumberOf, endOfParisDay } from '@cafeia/paris-time';
import { PACE_WINDOW_DAYS, Progress, progressFrom } from '../figures/progress';
import type { Figures } from '../figures/figures';
import { DAY_MS } from '../queries/calendar';
import { CHILD_LEVEL, childCodesAsOf, epciCodesOf } from '../queries/territory-children';
import type { ReadModelDb } from '../schema/read-model-db';
import { NATION, TerritoryDirectory, territoryKey } from '../territory/territory-directory';
import { AsOfReader } from './asof-reader';

/** what an answer as of a date is as of */
export interface AsOf {
  /** the Paris day asked for (YYYY-MM-DD) */
  date: string;
  /** its last millisecond: the "now" of the figures (cafés scheduled, due, pace, days left) */
  at: string;
  /** the last event counted (the highest position recorded by the end of that day); null: none */
  position: string | null;
}

export type ProgressAsOf = Progress & { asOf: AsOf };

export interface TerritoryAsOfChild {
  code: string;
  name: string;
  figures: Figures;
}

export interface TerritoryAsOf {
  code: string;
  level: TerritoryLevel;
  name: string;
  figures: Figures;
  target: number;
  progress: number;
  children: TerritoryAsOfChild[];
  /** a department's answer only */
  epcis?: TerritoryAsOfChild[];
  asOf: AsOf;
}

function dayOf(date: string): { day: number; nowMs: number } {
  const day = dayNumberOf(date);
  return { day, nowMs: endOfParisDay(day) };
}

async function asOfOf(reader: AsOfReader, date: string, nowMs: number): Promise<AsOf> {
  return { date, at: new Date(nowMs).toISOString(), position: await reader.position() };
}

/** the progress body as it stood at the end of Paris day `date` */
export async function progressAsOf(db: Kysely<ReadModelDb>, date: string, target: number, deadline: string): Promise<ProgressAsOf> {
  const { day, nowMs } = dayOf(date);
  const reader = new AsOfReader(db, day, nowMs);
  const [figures, before] = await Promise.all([reader.figuresOf([NATION]), reader.reachedBefore(nowMs - PACE_WINDOW_DAYS * DAY_MS)]);
  return { ...progressFrom(figures.get(NATION)!, before, target, deadline, nowMs), asOf: await asOfOf(reader, date, nowMs) };
}

const nameOf = (directory: TerritoryDirectory, level: TerritoryLevel, code: string): string => {
  try {
    return directory[level]?.(code)?.name ?? code;
  } catch {
    return code;
  }
};

/** a territory's figures, target and children as they stood at the end of Paris day `date` */
export async function territoryAsOf(
  db: Kysely<ReadModelDb>,
  directory: TerritoryDirectory,
  territory: { level: TerritoryLevel; code: string; name: string },
  date: string,
  nationalTarget: number,
): Promise<TerritoryAsOf> {
  const { level, code, name } = territory;
  const { day, nowMs } = dayOf(date);
  const reader = new AsOfReader(db, day, nowMs);
  const key = territoryKey(level, code);
  const childLevel = CHILD_LEVEL[level];
  const active = level === 'department' || level === 'epci' ? await reader.activeKeys('commune:') : [];
  const children = childCodesAsOf(directory, level, code, active);
  const epcis = level === 'department' ? epciCodesOf(directory, code, children) : null;
  const keys = [key, ...children.map((c) => territoryKey(childLevel!, c)), ...(epcis ?? []).map((e) => territoryKey('epci', e))];
  const figures = await reader.figuresOf(keys);
  const set = await reader.targets([key]);
  const target = set.get(key) ?? directory.apportion(nationalTarget, level, code) ?? 0;
  const own = figures.get(key)!;
  return {
    code,
    level,
    name,
    figures: own,
    target,
    progress: target > 0 ? own.peopleReached / target : 0,
    children: children.map((c) => ({ code: c, name: nameOf(directory, childLevel!, c), figures: figures.get(territoryKey(childLevel!, c))! })),
    ...(epcis ? { epcis: epcis.map((e) => ({ code: e, name: nameOf(directory, 'epci', e), figures: figures.get(territoryKey('epci', e))! })) } : {}),
    asOf: await asOfOf(reader, date, nowMs),
  };
}
