const HOUR_MS = 3_600_000;
const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });

/**
 * `YYYY-MM` of an instant in Paris (the month a café counts in for the open data). France's offsets are
 * whole hours, so the month is the same over a UTC hour: months are computed once per hour seen.
 */
export function parisMonthOf(): (ms: number) => string {
  const byHour = new Map<number, string>();
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    let month = byHour.get(hour);
    if (month === undefined) {
      const p = parts.formatToParts(new Date(hour * HOUR_MS));
      month = `${p.find((x) => x.type === 'year')!.value}-${p.find((x) => x.type === 'month')!.value}`;
      byHour.set(hour, month);
    }
    return month;
  };
}
