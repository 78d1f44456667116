import type { PublicCafe } from '../public-shapes';
import { cafeEndsAt } from './cafe-times';

export interface CafeEventOptions {
  /** the café's public page: the event's `url` and its offer's */
  readonly pageUrl: string;
}

const SCHEMA = 'https://schema.org/';

/**
 * A café as a schema.org `Event` (what search engines and event sites read), with the fields the
 * contract lists: status (`EventCancelled`, `EventRescheduled` once moved, `EventScheduled`), mode
 * (online or in person), the commune as a `Place` with a `PostalAddress` in France, the structure as
 * organizer, free of charge. The end defaults to two hours after the start, as in the calendar.
 * The `location` stays the café's commune for an online café too (the contract's `Place`); the mode
 * says it is online.
 */
export function cafeEvent(cafe: PublicCafe, options: CafeEventOptions) {
  const rescheduled = cafe.reschedules > 0;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: cafe.title,
    description: `Café IA (${cafe.format}${cafe.audience ? `, ${cafe.audience}` : ''}) organisé par ${cafe.structure.name} à ${cafe.commune.name}. Gratuit, ouvert à toutes et à tous.`,
    startDate: cafe.startsAt,
    endDate: cafeEndsAt(cafe),
    eventStatus: `${SCHEMA}${cafe.status === 'cancelled' ? 'EventCancelled' : rescheduled ? 'EventRescheduled' : 'EventScheduled'}`,
    ...(rescheduled && cafe.previousStartsAt ? { previousStartDate: cafe.previousStartsAt } : {}),
    eventAttendanceMode: `${SCHEMA}${cafe.online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode'}`,
    location: {
      '@type': 'Place',
      name: cafe.commune.name,
      address: {
        '@type': 'PostalAddress',
        ...(cafe.address?.streetAddress ? { streetAddress: cafe.address.streetAddress } : {}),
        ...(cafe.address?.postalCode ? { postalCode: cafe.address.postalCode } : {}),
        addressLocality: cafe.commune.name,
        addressRegion: cafe.region.name,
        addressCountry: 'FR',
      },
    },
    organizer: { '@type': 'Organization', name: cafe.structure.name },
    isAccessibleForFree: true,
    offers: {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'EUR',
      url: options.pageUrl,
      availability: `${SCHEMA}${cafe.placesLeft === 0 ? 'SoldOut' : 'InStock'}`,
    },
    inLanguage: 'fr',
    url: options.pageUrl,
  };
}

export type CafeEventJsonLd = ReturnType<typeof cafeEvent>;

/**
 * JSON-LD to put in a page: a `<script type="application/ld+json">` whose content cannot close the
 * element nor open another (`<`, `>` and `&` written as \u escapes, which JSON reads back the same),
 * nor break a script on the line separators that JSON allows and JavaScript did not.
 */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/ld+json">${json}</script>`;
}
