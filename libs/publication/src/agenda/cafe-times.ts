import type { PublicCafe } from '../public-shapes';

/**
 * A café scheduled without an end is shown as lasting two hours (the usual length of a Café IA
 * gathering), so that calendars and search engines get an end they require.
 */
export const DEFAULT_CAFE_DURATION_MINUTES = 120;

/** The calendar shows cafés from 30 days ago on (the contract of `/public/v1/cafes.ics`). */
export const CALENDAR_LOOKBACK_DAYS = 30;

export function instantMs(instant: string, what: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`${what}: not an instant: ${instant}`);
  return ms;
}

export const cafeStartMs = (cafe: PublicCafe): number => instantMs(cafe.startsAt, `café ${cafe.id} start`);

export const cafeEndMs = (cafe: PublicCafe): number =>
  cafe.endsAt !== null ? instantMs(cafe.endsAt, `café ${cafe.id} end`) : cafeStartMs(cafe) + DEFAULT_CAFE_DURATION_MINUTES * 60_000;

/** The end as an ISO instant: the given one as written, or the start plus the default length, in UTC. */
export const cafeEndsAt = (cafe: PublicCafe): string => cafe.endsAt ?? new Date(cafeEndMs(cafe)).toISOString();

/** Whether a café belongs in the calendar at `now` (ISO instant). */
export const inCalendarWindow = (cafe: PublicCafe, now: string): boolean =>
  cafeStartMs(cafe) >= instantMs(now, 'now') - CALENDAR_LOOKBACK_DAYS * 86_400_000;
