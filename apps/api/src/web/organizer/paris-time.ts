import { fromParisWallClock, isCalendarDate, parisWallClock } from '@cafeia/paris-time';

/**
 * The forms ask for a day and a time as read on a clock in France (Europe/Paris); the API takes instants with
 * their offset. The conversion is `@cafeia/paris-time`'s; this file reads and writes the form's two fields.
 */
const TIME = /^(\d{2}):(\d{2})$/;

export type ParisInstant =
  | { ok: true; instant: string }
  /** `invalid`: not a day or a time; `skipped`: the hour that does not exist when clocks go forward */
  | { ok: false; reason: 'invalid' | 'skipped' };

const pad = (n: number): string => String(n).padStart(2, '0');

const offsetText = (offsetMinutes: number): string => {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

/**
 * `2026-03-29` + `18:30` → `2026-03-29T18:30:00+02:00`. A time that happens twice (when clocks go back) is the
 * first one, still in summer time.
 */
export function parisInstant(date: string, time: string): ParisInstant {
  const t = TIME.exec(time);
  if (!isCalendarDate(date) || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return { ok: false, reason: 'invalid' };
  const [year, month, day] = date.split('-').map(Number);
  const wall = { year, month, day, hour: Number(t[1]), minute: Number(t[2]), second: 0 };
  const found = fromParisWallClock(wall);
  if (!found.ok) return { ok: false, reason: 'skipped' };
  const offsetMinutes = (Date.UTC(year, month - 1, day, wall.hour, wall.minute) - found.millis) / 60_000;
  return { ok: true, instant: `${date}T${time}:00${offsetText(offsetMinutes)}` };
}

/** an instant as the day and time a form shows in Paris: `2026-06-10T16:00:00Z` → `2026-06-10`, `18:00` */
export function parisDateTime(instant: string): { date: string; time: string } {
  const w = parisWallClock(Date.parse(instant));
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}
