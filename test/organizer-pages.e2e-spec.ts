import { ApiHarness, startApi } from './support/api-harness';

/**
 * The organizer's pages over plain HTTP (the browser suite drives them in Chromium): who sees the attendance
 * sheet's names, an erased person, refusals that write nothing.
 */
describe('the organizer’s pages over HTTP', () => {
  let api: ApiHarness;
  let council: string;
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown, method = 'POST') => api.ok(method, path, { token: council, body });

  /** a browser reduced to its cookie and the CSRF token of the last page */
  async function signedIn(claims: Parameters<ApiHarness['token']>[0]) {
    let cookie = '';
    let csrf = '';
    const keep = (response: Response) => {
      const set = response.headers.getSetCookie().map((c) => c.split(';')[0]);
      if (set.length > 0) cookie = set.join('; ');
    };
    const send = async (method: string, path: string, form?: Record<string, string>) => {
      const response = await fetch(api.url + path, {
        method,
        redirect: 'manual',
        headers: { accept: 'text/html', cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      keep(response);
      const text = await response.text();
      csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? csrf;
      return { status: response.status, text, location: response.headers.get('location') };
    };
    await send('GET', '/sign-in');
    const signIn = await send('POST', '/sign-in', { _csrf: csrf, token: api.token(claims), returnTo: '/' });
    expect(signIn.status).toBe(303);
    return { get: (path: string) => send('GET', path), post: (path: string, form: Record<string, string>) => send('POST', path, { _csrf: csrf, ...form }), raw: send };
  }

  beforeAll(async () => {
    // the pages wait for their own writes; the API's half-second read cache does not have to (no minPosition), so
    // the checks below that read the API right after a page's write would see the previous answer: no cache here
    api = await startApi({ CLOCK: '2026-06-15T12:00:00Z', READ_CACHE_MS: '0' });
    council = api.token({ role: 'council' });
    ids.rennes = (await post('/v1/structures', { name: 'Médiathèque', kind: 'media_library', communeCode: '35238' })).id;
    ids.cafe = (await post('/v1/cafes', { structureId: ids.rennes, title: 'IA et vie pratique', format: 'atelier', startsAt: '2026-06-10T18:00:00+02:00' })).id;
    ids.kept = (await post(`/v1/cafes/${ids.cafe}/enrolments`, { participant: { email: 'camille@example.org', name: 'Camille Dupont' } })).participantId;
    ids.erased = (await post(`/v1/cafes/${ids.cafe}/enrolments`, { participant: { email: 'dominique@example.org', name: 'Dominique Martin' } })).participantId;
    const erased = await post(`/v1/participants/${ids.erased}`, undefined, 'DELETE');
    await api.request('GET', `/v1/cafes/${ids.cafe}?minPosition=${erased.position}`, { token: council });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows the organizer the sheet by name, and an erased person as « personne effacée »', async () => {
    const organizer = await signedIn({ role: 'organizer', structureIds: [ids.rennes] });
    const page = await organizer.get(`/mes-cafes/${ids.cafe}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Camille Dupont');
    expect(page.text).toContain('personne effacée');
    expect(page.text).not.toContain('Dominique');
    expect(page.text).not.toContain('dominique@example.org');
  });

  it('shows a coordinator the café and its counts, but no one’s name and no form; their posts are refused', async () => {
    const coordinator = await signedIn({ role: 'coordinator', territory: 'region:53' });
    const page = await coordinator.get(`/mes-cafes/${ids.cafe}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-figure="enrolled" data-value="2"');
    expect(page.text).not.toContain('Camille');
    expect(page.text).not.toContain('action="/mes-cafes/');
    const refused = await coordinator.post(`/mes-cafes/${ids.cafe}/presences`, { anonymousCount: '4' });
    expect(refused.status).toBe(403);
    expect((await coordinator.get('/mes-cafes/nouveau')).status).toBe(403);
    const cafe = await api.request('GET', `/v1/cafes/${ids.cafe}`, { token: council });
    expect(cafe.body.anonymous).toBe(0);
  });

  it('answers an empty attendance sheet with the form again and its error in French, and writes nothing', async () => {
    const organizer = await signedIn({ role: 'organizer', structureIds: [ids.rennes] });
    await organizer.get(`/mes-cafes/${ids.cafe}`);
    const page = await organizer.post(`/mes-cafes/${ids.cafe}/presences`, {});
    expect(page.status).toBe(400);
    expect(page.text).toContain('Cochez au moins une personne');
    const cafe = await api.request('GET', `/v1/cafes/${ids.cafe}`, { token: council });
    expect(cafe.body).toMatchObject({ attendedNamed: 0, anonymous: 0 });
  });

  it('refuses a headcount before the café has started with the rule in French, and writes nothing', async () => {
    const later = (await post('/v1/cafes', { structureId: ids.rennes, title: 'Plus tard', format: 'atelier', startsAt: '2026-07-10T18:00:00+02:00' }));
    await api.request('GET', `/v1/cafes/${later.id}?minPosition=${later.position}`, { token: council });
    const organizer = await signedIn({ role: 'organizer', structureIds: [ids.rennes] });
    await organizer.get(`/mes-cafes/${later.id}`);
    const page = await organizer.post(`/mes-cafes/${later.id}/presences`, { anonymousCount: '4' });
    expect(page.status).toBe(422);
    expect(page.text).toContain('Les présences se saisissent une fois le café commencé.');
    const cafe = await api.request('GET', `/v1/cafes/${later.id}`, { token: council });
    expect(cafe.body.anonymous).toBe(0);
  });
});
