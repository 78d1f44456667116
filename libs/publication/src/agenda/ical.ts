import { createEvents, type EventAttributes } from 'ics';
import type { PublicCafe } from '../public-shapes';
import { cafeEndMs, cafeStartMs } from './cafe-times';
import { foldByOctets } from './fold-lines';

export interface CalendarOptions {
  /** `X-WR-CALNAME`, what a calendar app shows as the subscription's name */
  readonly calendarName: string;
  /** the public page of a café, its `URL` */
  readonly cafePageUrl: (cafeId: string) => string;
  /** when the feed is generated, its `DTSTAMP` (ISO instant): passed in so the output is reproducible */
  readonly generatedAt: string;
  /** the right-hand side of `UID`; never change it, or every subscriber gets every café twice */
  readonly uidDomain?: string;
}

export const DEFAULT_UID_DOMAIN = 'cafeia-impact';
export const CALENDAR_PRODUCT_ID = '-//Café IA//Agenda public des Cafés IA//FR';

/** `ics` reads `timestamp` for `DTSTAMP` but does not declare it */
type StampedEvent = EventAttributes & { timestamp: number };

/**
 * The public calendar (RFC 5545), one `VEVENT` per café: `UID` stable per café, `SEQUENCE` the number
 * of reschedules (so that clients replace the old time), `DTSTART`/`DTEND` in UTC (no end given: two
 * hours), `STATUS:CANCELLED` for a cancelled café and `CONFIRMED` otherwise, `METHOD:PUBLISH`, CRLF
 * line ends and lines folded at 75 octets. Built with `ics`; only the folding is redone (see
 * `foldByOctets`). Which cafés to include (30 days back) is the caller's: `inCalendarWindow`.
 */
export function cafesCalendar(cafes: readonly PublicCafe[], options: CalendarOptions): string {
  const uidDomain = options.uidDomain ?? DEFAULT_UID_DOMAIN;
  const generatedAt = Date.parse(options.generatedAt);
  if (Number.isNaN(generatedAt)) throw new Error(`calendar: generatedAt is not an instant: ${options.generatedAt}`);
  const events: StampedEvent[] = cafes.map((cafe) => ({
    uid: `${cafe.id}@${uidDomain}`,
    sequence: cafe.reschedules,
    timestamp: generatedAt,
    start: cafeStartMs(cafe),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: cafeEndMs(cafe),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: cafe.status === 'cancelled' ? `Annulé : ${cafe.title}` : cafe.title,
    description: description(cafe, options.cafePageUrl(cafe.id)),
    location: cafe.online ? 'En ligne' : `${cafe.commune.name}, ${cafe.department.name}`,
    url: options.cafePageUrl(cafe.id),
    status: cafe.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    categories: ['Café IA'],
  }));
  const { error, value } = createEvents(events, {
    productId: CALENDAR_PRODUCT_ID,
    method: 'PUBLISH',
    calName: options.calendarName,
  });
  if (error || !value) throw new Error(`calendar: ${error?.message ?? 'ics produced nothing'}`);
  return foldByOctets(value);
}

function description(cafe: PublicCafe, url: string): string {
  return [
    cafe.status === 'cancelled' ? 'Ce café est annulé.' : null,
    `Format : ${cafe.format}${cafe.audience ? ` · Public : ${cafe.audience}` : ''}`,
    `${cafe.online ? 'En ligne' : 'Sur place'}, organisé par ${cafe.structure.name} (${cafe.commune.name}).`,
    'Gratuit, ouvert à toutes et à tous.',
    `Détails et inscription : ${url}`,
  ]
    .filter((line) => line !== null)
    .join('\n');
}
