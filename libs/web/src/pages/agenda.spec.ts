import { agendaCafeHead, agendaCafePage, agendaPage, type AgendaCafe, type AgendaView } from './agenda';

const cafe: AgendaCafe = {
  id: '3f1c2b9e-8a4d-4e1f-9b2a-1c3d5e7f9a0b',
  title: 'L’IA <script>alert(1)</script> & nous',
  format: 'atelier',
  startsAt: '2026-07-01T16:00:00.000Z',
  endsAt: '2026-07-01T18:00:00.000Z',
  online: false,
  audience: null,
  commune: { code: '35238', name: 'Rennes' },
  department: { code: '35', name: 'Ille-et-Vilaine' },
  region: { code: '53', name: 'Bretagne' },
  structure: { id: 's', name: 'Médiathèque', kind: 'media_library' },
  placesLeft: 0,
  status: 'scheduled',
};
const calendar = { https: 'https://agenda.example/public/v1/cafes.ics?territory=commune%3A35238', webcal: 'webcal://agenda.example/public/v1/cafes.ics?territory=commune%3A35238' };
const view = (over: Partial<AgendaView> = {}): AgendaView => ({
  query: {},
  territory: { ref: 'commune:35238', level: 'commune', name: 'Rennes' },
  alternatives: [],
  errors: {},
  formats: ['atelier', 'discussion'],
  page: { items: [cafe], page: 1, pageSize: 20, total: 1 },
  calendar,
  ...over,
});

describe('the agenda page', () => {
  it('escapes what organizers typed, and says a full café is full', () => {
    const text = agendaPage(view()).value;
    expect(text).toContain('L’IA &lt;script&gt;alert(1)&lt;/script&gt; &amp; nous');
    expect(text).not.toContain('<script>alert(1)');
    expect(text).toContain('Complet');
  });

  it('offers the territory’s calendar as webcal://, and nothing to follow for another scheme', () => {
    expect(agendaPage(view()).value).toContain(`href="${calendar.webcal}"`);
    expect(agendaPage(view({ calendar: { https: calendar.https, webcal: 'javascript:alert(1)' } })).value).not.toContain('javascript:');
  });

  it('shows an error beside its field, tied to it for screen readers', () => {
    const text = agendaPage(view({ territory: null, errors: { q: 'Aucune commune ne correspond à « x ».' }, page: { items: [], page: 1, pageSize: 20, total: 0 } })).value;
    expect(text).toContain('aria-describedby="agenda-q-erreur"');
    expect(text).toContain('<p id="agenda-q-erreur" class="fr-error-text">Aucune commune ne correspond à « x ».</p>');
  });
});

describe('a café’s page', () => {
  const cafeView = { cafe, address: { streetAddress: '10 cours des Alliés', postalCode: '35000' }, rescheduled: true, previousStartsAt: '2026-06-30T16:00:00.000Z', jsonLd: { '@type': 'Event', name: cafe.title }, calendar };

  it('embeds its JSON-LD so that no text can close the script element', () => {
    const head = agendaCafeHead(cafeView).value;
    expect(head.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(head.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(head.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))).toEqual(cafeView.jsonLd);
  });

  it('says the date changed, and where it is', () => {
    const text = agendaCafePage(cafeView).value;
    expect(text).toContain('La date de ce café a changé.');
    expect(text).toContain('10 cours des Alliés, 35000 Rennes');
  });
});
