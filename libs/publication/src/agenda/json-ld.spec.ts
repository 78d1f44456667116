import { cafeEvent, jsonLdScript } from './json-ld';
import { aCafe } from './testing/cafes';

const pageUrl = 'https://cafeia.example.fr/agenda/3f1c2b9e-8a4d-4e1f-9b2a-1c3d5e7f9a0b';

describe('a café as a schema.org Event', () => {
  it('lists every field of the contract for a café in person', () => {
    expect(cafeEvent(aCafe(), { pageUrl })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Café IA : découvrir l’intelligence artificielle',
      description: 'Café IA (discussion, tout public) organisé par Médiathèque du Rize à Villeurbanne. Gratuit, ouvert à toutes et à tous.',
      startDate: '2026-06-12T16:00:00+02:00',
      endDate: '2026-06-12T18:30:00+02:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Villeurbanne',
        address: { '@type': 'PostalAddress', addressLocality: 'Villeurbanne', addressRegion: 'Auvergne-Rhône-Alpes', addressCountry: 'FR' },
      },
      organizer: { '@type': 'Organization', name: 'Médiathèque du Rize' },
      isAccessibleForFree: true,
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR', url: pageUrl, availability: 'https://schema.org/InStock' },
      inLanguage: 'fr',
      url: pageUrl,
    });
  });

  it('says a café is rescheduled once moved, with its previous start when known', () => {
    const event = cafeEvent(aCafe({ reschedules: 1, previousStartsAt: '2026-06-05T16:00:00+02:00' }), { pageUrl });
    expect(event.eventStatus).toBe('https://schema.org/EventRescheduled');
    expect(event).toMatchObject({ previousStartDate: '2026-06-05T16:00:00+02:00' });
  });

  it('says a cancelled café is cancelled, even after a reschedule', () => {
    expect(cafeEvent(aCafe({ status: 'cancelled', reschedules: 2 }), { pageUrl }).eventStatus).toBe('https://schema.org/EventCancelled');
  });

  it('says an online café is online', () => {
    expect(cafeEvent(aCafe({ online: true }), { pageUrl }).eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
  });

  it('gives the street and postal code when known, and two hours when no end is', () => {
    const event = cafeEvent(aCafe({ endsAt: null, startsAt: '2026-06-12T14:00:00Z', address: { streetAddress: '23 rue Valentin-Haüy', postalCode: '69100' } }), { pageUrl });
    expect(event.location.address).toEqual({
      '@type': 'PostalAddress',
      streetAddress: '23 rue Valentin-Haüy',
      postalCode: '69100',
      addressLocality: 'Villeurbanne',
      addressRegion: 'Auvergne-Rhône-Alpes',
      addressCountry: 'FR',
    });
    expect(event.endDate).toBe('2026-06-12T16:00:00.000Z');
  });

  it('is sold out when no place is left, available when places are left or unlimited', () => {
    expect(cafeEvent(aCafe({ placesLeft: 0 }), { pageUrl }).offers.availability).toBe('https://schema.org/SoldOut');
    expect(cafeEvent(aCafe({ placesLeft: null }), { pageUrl }).offers.availability).toBe('https://schema.org/InStock');
  });
});

describe('JSON-LD in a page', () => {
  it('cannot close its script element, and reads back to the same data', () => {
    const data = cafeEvent(aCafe({ title: '</script><script>alert(1)</script> & <!-- IA' }), { pageUrl });
    const html = jsonLdScript(data);
    expect(html.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(html.endsWith('</script>')).toBe(true);
    const body = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(body).not.toMatch(/[<>&]/);
    expect(JSON.parse(body)).toEqual(data);
  });

  it('escapes the line separators that break older JavaScript parsers', () => {
    const body = jsonLdScript({ name: 'a\u2028b\u2029c' });
    expect(body).toContain('a\\u2028b\\u2029c');
    expect(JSON.parse(body.replace(/^<script[^>]*>|<\/script>$/g, ''))).toEqual({ name: 'a\u2028b\u2029c' });
  });
});
