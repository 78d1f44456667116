import ICAL from 'ical.js';
import { determinedCells, sumGroupsOf, cellKey, type TerritoryFigures } from '@cafeia/publication';
import { Territories } from '@cafeia/territories';
import { ApiHarness, startApi } from './support/api-harness';
import type { EventStore } from '@cafeia/event-store';
import { EVENT_STORE } from '../apps/api/src/infrastructure/tokens';
import { OpenFigures } from '../apps/api/src/public/open-figures';

/**
 * The public side end to end, without a token: listings, one café as JSON and as schema.org JSON-LD, the
 * iCalendar feed read by a real parser (ical.js), listed animators, open figures with small-cell suppression,
 * the data package and the national schemas; CORS, cache and rate-limit headers; and a search of every public
 * answer for the fixture people's emails, phones, names and ids, which finds none.
 */

const PEOPLE = [
  { name: 'Amandine Fixturelle', email: 'amandine.fixturelle@example.org', phone: '+33612345601' },
  { name: 'Bertrand Témoinot', email: 'bertrand.temoinot@example.org', phone: '+33612345602' },
  { name: 'Chloé Secretand', email: 'chloe.secretand@example.org', phone: '+33612345603' },
  { name: 'Dimitri Privatier', email: 'dimitri.privatier@example.org', phone: '+33612345604' },
  { name: 'Éloïse Cachelin', email: 'eloise.cachelin@example.org', phone: '+33612345605' },
  { name: 'Fabrice Discretel', email: 'fabrice.discretel@example.org', phone: '+33612345606' },
];
const UNLISTED_ANIMATOR = 'Zoé Confidentielle';

describe('the public listings, feeds and open data', () => {
  let api: ApiHarness;
  let council: string;
  const ids: Record<string, string> = {};
  const participantIds = new Set<string>();

  const post = (path: string, body: unknown) => api.ok('POST', path, { token: council, body });
  const get = (path: string, headers: Record<string, string> = {}) => api.request('GET', path, { headers });

  beforeAll(async () => {
    api = await startApi({ CLOCK: '2026-06-15T12:00:00Z', PUBLIC_URL: 'https://agenda.cafeia.example', PUBLIC_RATE_LIMIT: '10000' });
    council = api.token({ role: 'council' });
    ids.rennes = (await post('/v1/structures', { name: 'Médiathèque des Champs Libres', kind: 'media_library', communeCode: '35238', siret: '21350238800019', address: '10 cours des Alliés', postalCode: '35000' })).id;
    ids.lyon = (await post('/v1/structures', { name: 'Tiers-lieu de la Croix-Rousse', kind: 'third_place', communeCode: '69384' })).id;
    ids.paris = (await post('/v1/structures', { name: 'Mairie du 11e', kind: 'town_hall', communeCode: '75111' })).id;
    const held = async (structureId: string, startsAt: string, attendees: { email?: string; phone?: string }[], anonymousCount: number) => {
      const { id } = await post('/v1/cafes', { structureId, title: 'L’IA au quotidien', format: 'atelier', startsAt, capacity: 40 });
      const result = await post(`/v1/cafes/${id}/attendance`, { attendees, anonymousCount });
      for (const p of result.participantIds) participantIds.add(p);
      return id;
    };
    ids.heldRennes = await held(ids.rennes, '2026-05-20T18:00:00+02:00', [{ email: PEOPLE[0].email }, { email: PEOPLE[1].email }, { phone: '06 12 34 56 03' }], 20);
    ids.heldRennes2 = await held(ids.rennes, '2026-06-10T18:00:00+02:00', [{ email: PEOPLE[0].email }, { phone: PEOPLE[3].phone }], 0);
    ids.heldLyon = await held(ids.lyon, '2026-06-01T18:00:00+02:00', [{ email: PEOPLE[2].email }], 3);
    ids.heldParis = await held(ids.paris, '2026-06-02T18:00:00+02:00', [{ email: PEOPLE[3].email }], 2);
    ids.debate = (await post('/v1/cafes', { structureId: ids.rennes, title: 'Débat : l’IA et le travail', format: 'discussion', startsAt: '2026-07-01T18:00:00+02:00', endsAt: '2026-07-01T20:00:00+02:00', capacity: 30, audience: 'Tout public' })).id;
    for (const person of PEOPLE.slice(4)) {
      const enrolment = await post(`/v1/cafes/${ids.debate}/enrolments`, { participant: person });
      participantIds.add(enrolment.participantId);
    }
    ids.workshop = (await post('/v1/cafes', { structureId: ids.rennes, title: 'Atelier : écrire avec une IA', format: 'atelier', startsAt: '2026-07-08T10:00:00+02:00', capacity: 2 })).id;
    await post(`/v1/cafes/${ids.workshop}/enrolments`, { participant: PEOPLE[5] });
    await post(`/v1/cafes/${ids.workshop}/reschedule`, { startsAt: '2026-07-09T10:00:00+02:00' });
    ids.cancelled = (await post('/v1/cafes', { structureId: ids.lyon, title: 'Café annulé', format: 'discussion', startsAt: '2026-07-05T18:00:00+02:00' })).id;
    await post(`/v1/cafes/${ids.cancelled}/cancel`, { reason: `Absence de ${PEOPLE[1].name}` });
    ids.online = (await post('/v1/cafes', { structureId: ids.paris, title: 'L’IA en ligne', format: 'visio', startsAt: '2026-07-10T18:00:00+02:00', online: true })).id;
    ids.listed = (await post('/v1/animators', { displayName: 'Camille D.', communeCode: '35238', structureId: ids.rennes, listed: true })).id;
    await post(`/v1/animators/${ids.listed}/training`, { status: 'enrolled' });
    await post('/v1/animators', { displayName: UNLISTED_ANIMATOR, communeCode: '35238', structureId: ids.rennes });
    const funder = await post('/v1/funders', { name: 'Région Bretagne', kind: 'public' });
    const last = await post('/v1/fundings', { funderId: funder.id, structureIds: [ids.rennes], from: '2026-01-01', to: '2026-12-31', amountEuros: 12000 });
    await api.request('GET', `/v1/progress?minPosition=${last.position}`, { token: council });
    await api.app.get(OpenFigures).refresh();
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('GET /public/v1/cafes', () => {
    it('answers without a token the cafés to come, not cancelled, with places left and never a person', async () => {
      const res = await get('/public/v1/cafes');
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([ids.debate, ids.workshop, ids.online]);
      expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
      expect(res.body.items[0]).toEqual({
        id: ids.debate,
        title: 'Débat : l’IA et le travail',
        format: 'discussion',
        startsAt: '2026-07-01T16:00:00.000Z',
        endsAt: '2026-07-01T18:00:00.000Z',
        online: false,
        audience: 'Tout public',
        commune: { code: '35238', name: 'Rennes' },
        department: { code: '35', name: 'Ille-et-Vilaine' },
        region: { code: '53', name: 'Bretagne' },
        structure: { id: ids.rennes, name: 'Médiathèque des Champs Libres', kind: 'media_library' },
        placesLeft: 28,
        status: 'scheduled',
      });
      expect(res.body.items[1]).toMatchObject({ placesLeft: 1, startsAt: '2026-07-09T08:00:00.000Z' });
      expect(res.body.items[2]).toMatchObject({ placesLeft: null, online: true });
    });

    it('filters by territory at every level (an arrondissement counts in its commune), dates and format', async () => {
      const idsOf = async (query: string) => (await get(`/public/v1/cafes?${query}`)).body.items.map((c: { id: string }) => c.id);
      expect(await idsOf('territory=commune:35238')).toEqual([ids.debate, ids.workshop]);
      expect(await idsOf('territory=epci:243500139')).toEqual([ids.debate, ids.workshop]);
      expect(await idsOf('territory=region:11')).toEqual([ids.online]);
      expect(await idsOf('territory=commune:35238&from=2026-05-01&to=2026-05-31')).toEqual([ids.heldRennes]);
      expect(await idsOf('from=2026-07-02&format=atelier')).toEqual([ids.workshop]);
      expect(await idsOf('territory=commune:69123&from=2026-06-01')).toEqual([ids.heldLyon]);
    });

    it('refuses an unknown territory with a problem naming the field', async () => {
      const res = await get('/public/v1/cafes?territory=commune:99999');
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'territory', message: expect.stringContaining('commune:99999') }]);
    });
  });

  describe('GET /public/v1/cafes/{id}', () => {
    it('answers one café, cancelled ones too with their status', async () => {
      expect((await get(`/public/v1/cafes/${ids.debate}`)).body).toMatchObject({ id: ids.debate, status: 'scheduled', placesLeft: 28 });
      const cancelled = await get(`/public/v1/cafes/${ids.cancelled}`);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', commune: { code: '69123', name: 'Lyon' } });
      expect(cancelled.text).not.toContain('Absence');
      expect((await get(`/public/v1/cafes/${ids.heldLyon}`)).body.status).toBe('held');
    });

    it('with Accept: application/ld+json, is a schema.org Event with the fields the contract lists', async () => {
      const res = await get(`/public/v1/cafes/${ids.debate}`, { accept: 'application/ld+json' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
      expect(res.headers.get('vary')).toContain('Accept');
      expect(res.body).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: 'Débat : l’IA et le travail',
        startDate: '2026-07-01T16:00:00.000Z',
        endDate: '2026-07-01T18:00:00.000Z',
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Rennes', addressCountry: 'FR', streetAddress: '10 cours des Alliés', postalCode: '35000' } },
        organizer: { '@type': 'Organization', name: 'Médiathèque des Champs Libres' },
        isAccessibleForFree: true,
        url: `https://agenda.cafeia.example/agenda/cafes/${ids.debate}`,
      });
      const moved = (await get(`/public/v1/cafes/${ids.workshop}`, { accept: 'application/ld+json' })).body;
      expect(moved).toMatchObject({ eventStatus: 'https://schema.org/EventRescheduled', previousStartDate: '2026-07-08T08:00:00.000Z' });
      expect((await get(`/public/v1/cafes/${ids.cancelled}`, { accept: 'application/ld+json' })).body.eventStatus).toBe('https://schema.org/EventCancelled');
      expect((await get(`/public/v1/cafes/${ids.online}`, { accept: 'application/ld+json' })).body.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    });

    it('answers 404 for an unknown café and 400 for an id that is not one', async () => {
      expect((await get('/public/v1/cafes/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await get('/public/v1/cafes/not-an-id')).status).toBe(400);
    });
  });

  describe('GET /public/v1/cafes.ics', () => {
    const parse = (text: string) => {
      const calendar = new ICAL.Component(ICAL.parse(text));
      return { calendar, events: calendar.getAllSubcomponents('vevent') };
    };

    it('is an RFC 5545 calendar a real parser reads: one event per café from 30 days ago, stable UID, SEQUENCE, STATUS', async () => {
      const res = await get('/public/v1/cafes.ics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const { calendar, events } = parse(res.text);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Cafés IA — France');
      const byUid = new Map(events.map((e) => [e.getFirstPropertyValue('uid'), e]));
      // from 2026-05-16 on: the café of 2026-05-20 and later ones, the cancelled one included
      expect([...byUid.keys()].sort()).toEqual([ids.heldRennes, ids.heldRennes2, ids.heldLyon, ids.heldParis, ids.debate, ids.workshop, ids.cancelled, ids.online].map((id) => `${id}@cafeia-impact`).sort());
      const workshop = byUid.get(`${ids.workshop}@cafeia-impact`)!;
      expect(workshop.getFirstPropertyValue('sequence')).toBe(1);
      expect((workshop.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-07-09T08:00:00Z');
      expect(byUid.get(`${ids.cancelled}@cafeia-impact`)!.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(byUid.get(`${ids.debate}@cafeia-impact`)!.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(byUid.get(`${ids.debate}@cafeia-impact`)!.getFirstPropertyValue('location')).toBe('Rennes, Ille-et-Vilaine');
      expect(byUid.get(`${ids.debate}@cafeia-impact`)!.getFirstPropertyValue('url')).toBe(`https://agenda.cafeia.example/agenda/cafes/${ids.debate}`);
      // CRLF everywhere, and no line longer than 75 octets
      expect(res.text.split('\r\n').every((line) => !line.includes('\n') && Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    });

    it('gives a territory its own calendar', async () => {
      const { calendar, events } = parse((await get('/public/v1/cafes.ics?territory=department:35')).text);
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Cafés IA — Ille-et-Vilaine');
      expect(events.map((e) => e.getFirstPropertyValue('uid')).sort()).toEqual([ids.heldRennes, ids.heldRennes2, ids.debate, ids.workshop].map((id) => `${id}@cafeia-impact`).sort());
    });
  });

  it('refuses a structure whose postcode is not one of its commune (422 naming postalCode), and writes nothing', async () => {
    const before = (await api.request('GET', '/v1/structures?pageSize=500', { token: council })).body.total;
    const res = await api.request('POST', '/v1/structures', { token: council, body: { name: 'Médiathèque', kind: 'media_library', communeCode: '35238', postalCode: '69001' } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'postcode_mismatch', errors: [{ field: 'postalCode', message: '69001 is not a postcode of commune 35238' }] });
    expect((await api.request('GET', '/v1/structures?pageSize=500', { token: council })).body.total).toBe(before);
  });

  it('GET /public/v1/animators lists only the animators who asked to be', async () => {
    const res = await get('/public/v1/animators?territory=commune:35238');
    expect(res.body.items).toEqual([{ id: ids.listed, displayName: 'Camille D.', commune: { code: '35238', name: 'Rennes' }, trainingStatus: 'enrolled' }]);
    expect(res.body.total).toBe(1);
  });

  describe('open data', () => {
    it('publishes the figures of each department, a count of people below 11 hidden and named', async () => {
      const res = await get('/public/v1/figures?level=department');
      expect(res.status).toBe(200);
      expect(res.body.minCell).toBe(11);
      const byCode = new Map(res.body.items.map((r: { code: string }) => [r.code, r]));
      expect(byCode.get('department:35')).toEqual({
        code: 'department:35',
        name: 'Ille-et-Vilaine',
        level: 'department',
        peopleReached: 24,
        attendances: 25,
        anonymousAttendees: 20,
        cafesHeld: 2,
        structuresActive: 1,
        suppressed: [],
      });
      expect(byCode.get('department:69')).toMatchObject({ peopleReached: null, attendances: null, anonymousAttendees: null, cafesHeld: 1, suppressed: ['peopleReached', 'attendances', 'anonymousAttendees'] });
    });

    it('leaves no hidden cell that subtraction from the published ones gives back (all levels, all time and months)', async () => {
      const all = [...(await get('/public/v1/figures')).body.items];
      for (const month of ['2026-05', '2026-06']) all.push(...(await get(`/public/v1/figures?month=${month}`)).body.items);
      expect(all.some((r) => r.suppressed.length > 0)).toBe(true);
      // the sum relations, as anyone can rebuild them from the official reference
      const territories = Territories.official();
      const partOf = (code: string, level: string): string[] => {
        const local = code.split(':')[1];
        if (level === 'region') return ['national'];
        if (level === 'department') return [`region:${territories.department(local)!.parent!.code}`];
        if (level !== 'commune') return [];
        const epci = territories.epciOf(local);
        return [`department:${territories.commune(local)!.parent!.code}`, ...(epci ? [`epci:${epci.code}`] : [])];
      };
      const rows = all.map((r) => ({ ...r, partOf: partOf(r.code, r.level) })) as unknown as TerritoryFigures[];
      const groups = sumGroupsOf(rows);
      for (const field of ['peopleReached', 'attendances', 'anonymousAttendees'] as const) {
        const hidden = new Set(all.filter((r) => r[field] === null).map((r) => cellKey(r)));
        expect({ field, recovered: determinedCells(groups, hidden) }).toEqual({ field, recovered: [] });
      }
    });

    it('answers per month, and as CSV (a hidden count is an empty cell)', async () => {
      const june = await get('/public/v1/figures?level=region&month=2026-06');
      expect(june.body.items.every((r: { month: string }) => r.month === '2026-06')).toBe(true);
      const csv = await get('/public/v1/figures.csv?level=department');
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const lines = csv.text.split('\r\n');
      expect(lines[0]).toBe('code,name,level,peopleReached,attendances,anonymousAttendees,cafesHeld,structuresActive,suppressed');
      expect(lines).toContain('department:35,Ille-et-Vilaine,department,24,25,20,2,1,');
      expect(lines).toContain('department:69,Rhône,department,,,,1,1,peopleReached|attendances|anonymousAttendees');
      const monthly = await get('/public/v1/figures-mensuelles.csv');
      expect(monthly.text.split('\r\n')[0]).toBe('code,name,level,month,peopleReached,attendances,anonymousAttendees,cafesHeld,structuresActive,suppressed');
    });

    it('describes its files in a frictionless datapackage.json', async () => {
      const res = await get('/public/v1/datapackage.json');
      expect(res.body).toMatchObject({ profile: 'tabular-data-package', licenses: [{ name: 'etalab-2.0' }] });
      expect(res.body.resources.map((r: { path: string }) => r.path)).toEqual([
        'https://agenda.cafeia.example/public/v1/figures.csv',
        'https://agenda.cafeia.example/public/v1/figures-mensuelles.csv',
        'https://agenda.cafeia.example/public/v1/lieux-mediation-numerique.csv',
        'https://agenda.cafeia.example/public/v1/subventions.csv',
      ]);
      for (const resource of res.body.resources) expect((await get(new URL(resource.path).pathname)).status).toBe(200);
    });

    it('lists the host structures in the national schema of mediation places, and the fundings in the SCDL', async () => {
      const places = (await get('/public/v1/lieux-mediation-numerique.csv')).text.split('\r\n');
      expect(places[0].split(',').slice(0, 7)).toEqual(['id', 'pivot', 'nom', 'commune', 'code_postal', 'code_insee', 'adresse']);
      expect(places.find((l) => l.startsWith(ids.rennes))).toContain(`${ids.rennes},21350238800019,Médiathèque des Champs Libres,Rennes,35000,35238,10 cours des Alliés,`);
      const subsidies = (await get('/public/v1/subventions.csv')).text.split('\r\n');
      expect(subsidies[1]).toContain('Région Bretagne');
      expect(subsidies[1]).toContain('Médiathèque des Champs Libres,21350238800019');
      expect(subsidies[1]).toContain('12000.00');
    });
  });

  describe('HTTP', () => {
    it('lets any site read the public answers and caches them a minute; the private API stays as it was', async () => {
      for (const path of ['/public/v1/cafes', `/public/v1/cafes/${ids.debate}`, '/public/v1/cafes.ics', '/public/v1/animators', '/public/v1/figures', '/public/v1/figures.csv', '/public/v1/datapackage.json']) {
        const res = await get(path);
        expect({ path, status: res.status, cors: res.headers.get('access-control-allow-origin'), cache: res.headers.get('cache-control') }).toEqual({ path, status: 200, cors: '*', cache: 'public, max-age=60' });
      }
      const privateRead = await api.request('GET', '/v1/cafes', { token: council });
      expect(privateRead.headers.get('access-control-allow-origin')).toBeNull();
      expect((await get('/v1/cafes')).status).toBe(401);
    });

    it('gives an answer served again from the read cache the same body and the same public headers', async () => {
      const [first, again] = [await get('/public/v1/cafes?pageSize=7'), await get('/public/v1/cafes?pageSize=7')];
      expect(again.text).toBe(first.text);
      for (const header of ['access-control-allow-origin', 'cache-control', 'content-type', 'x-read-model-position']) {
        expect({ header, value: again.headers.get(header) }).toEqual({ header, value: first.headers.get(header) });
      }
      expect(again.headers.get('cache-control')).toBe('public, max-age=60');
    });

    it('declares the public endpoints in the OpenAPI document', async () => {
      const paths = Object.keys((await get('/docs-json')).body.paths);
      for (const path of ['/public/v1/cafes', '/public/v1/cafes/{id}', '/public/v1/cafes.ics', '/public/v1/animators', '/public/v1/figures', '/public/v1/figures.csv', '/public/v1/datapackage.json']) expect(paths).toContain(path);
    });
  });

  it('no public answer holds an email, a phone, a name or an id of the fixture people', async () => {
    const events = await api.app.get<symbol, EventStore>(EVENT_STORE).readAll({});
    const registered = events.filter((e) => e.type === 'ParticipantRegistered').map((e) => e.data as { participantId: string; personalData: string; contactHashes: string[] });
    // a person given once by email and once by phone is two participants: 8 of them
    expect(registered.length).toBe(8);
    const national = (phone: string) => `0${phone.slice(3)}`;
    const forbidden = [
      ...PEOPLE.flatMap((p) => [p.email, p.email.split('@')[0], p.phone, national(p.phone), national(p.phone).replace(/(\d{2})(?=\d)/g, '$1 '), p.name, ...p.name.split(' ')]),
      ...[...participantIds],
      ...registered.flatMap((r) => [r.participantId, r.personalData, ...r.contactHashes]),
      UNLISTED_ANIMATOR,
      ...UNLISTED_ANIMATOR.split(' '),
    ];
    const cafes = [ids.heldRennes, ids.heldRennes2, ids.heldLyon, ids.heldParis, ids.debate, ids.workshop, ids.cancelled, ids.online];
    const paths = [
      '/public/v1/cafes',
      '/public/v1/cafes?from=2026-01-01&pageSize=500',
      ...cafes.flatMap((id) => [`/public/v1/cafes/${id}`, `/agenda/cafes/${id}`]),
      '/public/v1/cafes.ics',
      '/public/v1/cafes.ics?territory=commune:35238',
      '/public/v1/animators',
      '/public/v1/figures',
      '/public/v1/figures?level=commune&month=2026-06',
      '/public/v1/figures.csv',
      '/public/v1/figures-mensuelles.csv',
      '/public/v1/datapackage.json',
      '/public/v1/lieux-mediation-numerique.csv',
      '/public/v1/subventions.csv',
      '/agenda',
      '/agenda?q=Rennes',
      '/agenda?q=35000&from=2026-05-01',
      '/agenda?territory=region:11',
    ];
    const bodies = new Map<string, string>();
    for (const path of paths) {
      for (const accept of ['application/json', 'application/ld+json', 'text/html']) {
        const res = await get(path, { accept });
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        bodies.set(`${path} (${accept})`, res.text);
      }
    }
    // the search reads what was answered: the listed animator's chosen name is there
    expect([...bodies.values()].some((text) => text.includes('Camille D.'))).toBe(true);
    const found = [...bodies].flatMap(([where, text]) => forbidden.filter((secret) => text.toLowerCase().includes(secret.toLowerCase())).map((secret) => `${secret} in ${where}`));
    expect(found).toEqual([]);
  });
});

describe('the public rate limit', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ PUBLIC_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 429 with Retry-After past the limit per address, on the public paths only', async () => {
    for (let i = 0; i < 3; i++) expect((await api.request('GET', '/public/v1/cafes')).status).toBe(200);
    const refused = await api.request('GET', '/public/v1/cafes.ics');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    const page = await api.request('GET', '/agenda', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(429);
    expect(page.text).toContain('Trop de demandes');
    // the private API and the health check are not counted here
    expect((await api.request('GET', '/health')).status).toBeLessThan(429);
    expect((await api.request('GET', '/v1/progress', { token: api.token({ role: 'council' }) })).status).toBe(200);
  });
});
