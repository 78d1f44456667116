import { parisOffsetMs } from './calendar';

/**
 * Wall-clock time in Europe/Paris ↔ instants, through `Intl` (the ICU time-zone database shipped
 * with Node), so that summer and winter time and their changes follow the official rules rather
 * than a fixed offset.
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Paris wall clock at an instant (milliseconds dropped) */
export function parisWallClock(millis: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of PARIS.formatToParts(millis)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

const asUtc = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond ?? 0);

/** Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer) */
export const parisOffsetMinutes = (millis: number): number => parisOffsetMs(millis) / 60_000;

export type ParisInstant = { ok: true; millis: number } | { ok: false; reason: 'nonexistent' };

/**
 * The instant a Paris wall clock shows. A time skipped when clocks go forward (the last Sunday of
 * March, 02:00–02:59) does not exist; a time shown twice when they go back (the last Sunday of
 * October, 02:00–02:59) is read as the first of the two, still in summer time.
 */
export function fromParisWallClock(wall: WallClock): ParisInstant {
  const naive = asUtc({ ...wall, millisecond: 0 });
  const day = 24 * 3600_000;
  // the offsets in force on either side of this date: equal on most days, different around a change
  const offsets = new Set([parisOffsetMinutes(naive - day), parisOffsetMinutes(naive + day)]);
  const matching = [...offsets]
    .map((offset) => naive - offset * 60_000)
    .filter((millis) => asUtc(parisWallClock(millis)) === naive)
    .sort((a, b) => a - b);
  if (matching.length === 0) return { ok: false, reason: 'nonexistent' };
  return { ok: true, millis: matching[0] + (wall.millisecond ?? 0) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2025-05-28T18:30:00+02:00`: an instant written with Paris's offset at that instant */
export function toParisIso(millis: number): string {
  const offset = parisOffsetMinutes(millis);
  const local = new Date(millis + offset * 60_000);
  const ms = local.getUTCMilliseconds();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms === 0 ? '' : `.${pad(ms, 3)}`) +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
