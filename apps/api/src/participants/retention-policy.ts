/**
 * The retention rule: a person with no registration, enrolment nor attendance for `months` months is erased.
 * The cutoff is the same day and time `months` calendar months before now (the 31st gives the last day of a
 * shorter month), in UTC.
 */
export function retentionCutoff(now: Date, months: number): Date {
  if (!Number.isInteger(months) || months <= 0) throw new RangeError(`retention: months must be a positive integer, got ${months}`);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}
