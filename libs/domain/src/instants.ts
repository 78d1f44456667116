import { ruleViolation } from './errors';

/**
 * Instants arrive as ISO 8601 strings with an offset; two spellings of the same instant
 * (`…T10:00+01:00` and `…T09:00Z`) must compare equal, so compare parsed milliseconds, never strings.
 * `Date.parse` reads its argument only: no clock is involved.
 */
export const toMillis = (instant: string, field: string): number => {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw ruleViolation('invalid_instant', `"${instant}" is not a valid date and time.`, field);
  return millis;
};

export const sameInstant = (a: string | null, b: string | null, field: string): boolean =>
  a === null || b === null ? a === b : toMillis(a, field) === toMillis(b, field);
