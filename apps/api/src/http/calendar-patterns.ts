/**
 * Dates and instants as regular expressions that accept exactly the calendar days the validator
 * (`IsISO8601({ strict: true })`) accepts, so that the pattern published in the OpenAPI document is the
 * whole rule: a client or a fuzzer that matches it is never refused for "no such day" (2026-02-30).
 * Written in the ECMA-262 subset that JSON Schema patterns use (no `\d`: it means more in some dialects).
 */

// the programme's years, 2020–2100 (instant-range.ts says why): a date of year 1000 or 9999 is a typo
const YEAR = '(?:20[2-9][0-9]|2100)';
// leap years among them: divisible by 4 (2100 is not: divisible by 100, not by 400)
const LEAP_YEAR = '(?:20(?:[2468][048]|[3579][26]))';

const DAY =
  `(?:${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])` +
  `|${YEAR}-(?:0[13-9]|1[0-2])-(?:29|30)` +
  `|${YEAR}-(?:0[13578]|1[02])-31` +
  `|${LEAP_YEAR}-02-29)`;

// hours 00–23, optional seconds and up to 9 fractional digits, then Z or an offset
const TIME = 'T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])';

/** `YYYY-MM-DD`, a day that exists */
export const DATE_ONLY = new RegExp(`^${DAY}$`);
/** an ISO 8601 instant with an offset, e.g. 2026-12-05T18:30:00+01:00 */
export const INSTANT_WITH_OFFSET = new RegExp(`^${DAY}${TIME}$`);
/** a date, or an instant with an offset (filters that take either) */
export const DATE_OR_INSTANT = new RegExp(`^${DAY}(?:${TIME})?$`);
