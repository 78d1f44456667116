/**
 * Calendar days as a French funder means them: in Europe/Paris. A funding "from 2026-01-01 to 2026-12-31"
 * and an `asOf=2026-06-15` are local days, whose bounds move with summer time (UTC+1 / UTC+2).
 * Intl (full ICU, shipped with Node) knows the rules; no clock is read here.
 */
export const AUDIT_TIME_ZONE = 'Europe/Paris';
export const DAY_MS = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const parisWallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: AUDIT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClockParts(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts: Record<string, number> = {};
  for (const part of parisWallClock.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** how far Paris wall-clock time is ahead of UTC at that instant (ms) */
function parisOffsetMs(ms: number): number {
  const p = wallClockParts(ms);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** a real calendar date written YYYY-MM-DD (2026-02-30 is not one) */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function assertDate(value: string): [number, number, number] {
  if (!isCalendarDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  const [year, month, day] = value.split('-').map(Number);
  return [year, month, day];
}

/** the instant (ms) at which that day begins in Paris */
export function startOfParisDay(date: string): number {
  const [year, month, day] = assertDate(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  // two passes: the offset at the guess may differ from the offset at the answer (never at midnight in
  // Paris, whose changes happen at 02:00/03:00, but it costs nothing to be right everywhere)
  const firstGuess = utcMidnight - parisOffsetMs(utcMidnight);
  return utcMidnight - parisOffsetMs(firstGuess);
}

/** the instant (ms) at which that day ends in Paris: the start of the next day (exclusive bound) */
export function endOfParisDay(date: string): number {
  const [year, month, day] = assertDate(date);
  return startOfParisDay(new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10));
}

/** the Paris calendar date of an instant */
export function parisDateOf(ms: number): string {
  const p = wallClockParts(ms);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

/** the Paris day of an instant, as a French reader writes it: `28 mai 2025` */
export const parisLongDateOf = (ms: number): string => longDate.format(new Date(ms));
