/**
 * The forms ask for a day and a time as read on a clock in France (Europe/Paris); the API takes instants with
 * their offset. The offset of a given day comes from the platform's time-zone database (`Intl`), so summer and
 * winter time are right, including on the two days they change.
 */
const PARIS = 'Europe/Paris';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

const partsOf = (utcMs: number): Record<string, string> =>
  Object.fromEntries(wallClock.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));

/** the Paris wall-clock reading of an instant, as if it were UTC (minutes precision) */
function wallClockMs(utcMs: number): number {
  const p = partsOf(utcMs);
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
}

const offsetText = (offsetMinutes: number): string => {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

export type ParisInstant =
  | { ok: true; instant: string }
  /** `invalid`: not a day or a time; `skipped`: the hour that does not exist when clocks go forward */
  | { ok: false; reason: 'invalid' | 'skipped' };

/**
 * `2026-03-29` + `18:30` → `2026-03-29T18:30:00+02:00`. A time that happens twice (when clocks go back) is the
 * first one, still in summer time.
 */
export function parisInstant(date: string, time: string): ParisInstant {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return { ok: false, reason: 'invalid' };
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  const local = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(local);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return { ok: false, reason: 'invalid' };
  // the offsets in force half a day before and after: a change of time, if any, lies between them
  const offsets = [...new Set([local - 12 * HOUR_MS, local + 12 * HOUR_MS].map((at) => (wallClockMs(at) - at) / MINUTE_MS))];
  const matches = offsets
    .map((offset) => ({ offset, utc: local - offset * MINUTE_MS }))
    .filter(({ utc }) => wallClockMs(utc) === local)
    .sort((a, b) => a.utc - b.utc);
  if (matches.length === 0) return { ok: false, reason: 'skipped' };
  return { ok: true, instant: `${date}T${time}:00${offsetText(matches[0].offset)}` };
}

/** an instant as the day and time a form shows in Paris: `2026-06-10T16:00:00Z` → `2026-06-10`, `18:00` */
export function parisDateTime(instant: string): { date: string; time: string } {
  const p = partsOf(Date.parse(instant));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
