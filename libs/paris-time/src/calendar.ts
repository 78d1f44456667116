/**
 * The programme's calendar is Paris's: a month of the breakdowns and the day of "figures as they stood on a
 * date" are Europe/Paris ones. Time-zone rules come from the ICU data Node ships (`Intl.DateTimeFormat`), so
 * that daylight saving is the official one, not hand-written.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });

/** Paris's offset from UTC is a whole number of hours and changes on the hour: one answer per UTC hour */
const dayByHour = new Map<number, number>();
const offsetByHour = new Map<number, number>();

function wallClock(ms: number): { year: number; month: number; day: number; hour: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0 };
  for (const part of parts.formatToParts(ms)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour') out[part.type] = Number(part.value);
  }
  return out;
}

/** Paris's offset from UTC at that instant, in ms (+1 h in winter, +2 h in summer) */
export function parisOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const w = wallClock(hour * HOUR_MS);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour) - hour * HOUR_MS;
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** the Paris calendar day of an instant, as a day number (days since 1970-01-01): cached per UTC hour */
export function parisDayOf(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let day = dayByHour.get(hour);
  if (day === undefined) {
    day = Math.floor((ms + parisOffsetMs(ms)) / DAY_MS);
    if (dayByHour.size > 100_000) dayByHour.clear();
    dayByHour.set(hour, day);
  }
  return day;
}

/** YYYY-MM-DD of a day number */
export const dateOfDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** the day number of a YYYY-MM-DD date (the date itself, no time zone involved) */
export function dayNumberOf(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || dateOfDayNumber(Date.parse(`${date}T00:00:00Z`) / DAY_MS) !== date) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** the Paris date (YYYY-MM-DD) of an instant */
export const parisDateOf = (ms: number): string => dateOfDayNumber(parisDayOf(ms));

/** the Paris month (YYYY-MM) of an instant: a café starting 2025-05-31T23:30Z is in 2025-06 */
export const parisMonthOf = (ms: number): string => parisDateOf(ms).slice(0, 7);

/** the instant Paris day `day` begins (midnight in Paris; daylight saving never changes at midnight there) */
export function startOfParisDay(day: number): number {
  const utcMidnight = day * DAY_MS;
  // the offset at local midnight is the one an hour earlier or later: saving changes at 01:00 UTC
  let start = utcMidnight - parisOffsetMs(utcMidnight);
  start = utcMidnight - parisOffsetMs(start);
  return start;
}

/** the last millisecond of Paris day `day`: "now" for figures as they stood at the end of that day */
export const endOfParisDay = (day: number): number => startOfParisDay(day + 1) - 1;
