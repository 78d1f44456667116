import { dayNumberOf, endOfParisDay, startOfParisDay } from './calendar';

/**
 * Calendar days written `YYYY-MM-DD` as a French reader means them: Paris days, whose bounds move with summer
 * time. A funding "from 2026-01-01 to 2026-12-31", an `asOf=2026-06-15`, the agenda's "du … au …".
 */
export const PARIS_TIME_ZONE = 'Europe/Paris';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** a real calendar date written YYYY-MM-DD (2026-02-30 is not one) */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  try {
    dayNumberOf(value);
    return true;
  } catch {
    return false;
  }
}

/** the instant (ms) that Paris day begins (its midnight); RangeError when `date` is not a calendar date */
export const parisDateStart = (date: string): number => startOfParisDay(dayNumberOf(date));

/** the instant (ms) that Paris day ends: the next day's midnight, an exclusive bound */
export const parisDateEnd = (date: string): number => endOfParisDay(dayNumberOf(date)) + 1;

const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: PARIS_TIME_ZONE });

/** the Paris day of an instant, as a French reader writes it: `28 mai 2025` */
export const parisLongDateOf = (ms: number): string => longDate.format(new Date(ms));
