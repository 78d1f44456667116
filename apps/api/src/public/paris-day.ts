const offsets = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/** Paris's offset from UTC at an instant, in ms (`GMT+02:00` → 7 200 000) */
function parisOffsetMs(ms: number): number {
  const name = offsets.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The first instant of a Paris day (`YYYY-MM-DD`), in ms: the agenda's dates are the days people read on a
 * poster. France changes its clocks at 01:00 UTC, after the local midnight, so the offset at 00:00 UTC of the
 * date is the one of its local midnight.
 */
export function parisDayStartMs(date: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return utcMidnight - parisOffsetMs(utcMidnight);
}

/** the last millisecond of a Paris day */
export const parisDayEndMs = (date: string): number => {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return parisDayStartMs(next) - 1;
};

/** a bound given as a Paris date or as an instant */
export const boundMs = (value: string, end: boolean): number => (DATE.test(value) ? (end ? parisDayEndMs(value) : parisDayStartMs(value)) : Date.parse(value));
