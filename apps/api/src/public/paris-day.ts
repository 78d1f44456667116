import { parisDateEnd, parisDateStart } from '@cafeia/paris-time';

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first instant of a Paris day (`YYYY-MM-DD`), in ms: the agenda's dates are the days people read on a poster. */
export const parisDayStartMs = (date: string): number => parisDateStart(date);

/** the last millisecond of a Paris day */
export const parisDayEndMs = (date: string): number => parisDateEnd(date) - 1;

/** a bound given as a Paris date or as an instant */
export const boundMs = (value: string, end: boolean): number => (DATE.test(value) ? (end ? parisDayEndMs(value) : parisDayStartMs(value)) : Date.parse(value));
