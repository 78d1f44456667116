/** UTC calendar helpers: a café's day is the UTC date of its start (documented in the README). */
export const DAY_MS = 86_400_000;

export const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** day number (days since 1970-01-01 UTC) of a YYYY-MM-DD date */
export const dayOfDate = (date: string): number => {
  if (!isDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
};

export const dayOfMs = (ms: number): number => Math.floor(ms / DAY_MS);

export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export type Granularity = 'day' | 'week' | 'month';

/** first day of the bucket containing `day`: itself, the Monday of its ISO week, the 1st of its month */
export function bucketStart(day: number, granularity: Granularity): number {
  if (granularity === 'day') return day;
  const date = new Date(day * DAY_MS);
  if (granularity === 'week') return day - ((date.getUTCDay() + 6) % 7);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}

/** first day of the bucket after the one starting at `start` */
export function nextBucket(start: number, granularity: Granularity): number {
  if (granularity === 'day') return start + 1;
  if (granularity === 'week') return start + 7;
  const date = new Date(start * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}
