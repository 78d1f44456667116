import { randomUUID } from 'node:crypto';
import { ApiHarness, startApi } from './support/api-harness';
import { readModelDialects } from './support/read-model-dialects';

/**
 * API.md's second part over real HTTP, on SQLite and on PostgreSQL read models: partner networks and their role,
 * EPCI dashboards and local referents, unreported cafés, figures as of a date, breakdowns.
 */
const dialects = readModelDialects();

const LYON_METROPOLE = '200046977';
type Item = { id: string; structureId?: string };

describe.each(dialects)('year two on %s', (_name, prepare) => {
  let api: ApiHarness;
  let council: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let last = '0';
  const ids = {
    s1: randomUUID(), // Lyon, in network n1
    s2: randomUUID(), // Villeurbanne, in network n2
    s3: randomUUID(), // Paris 11e, in n1 until removed
    s4: randomUUID(), // Rennes, in no network
    n1: randomUUID(),
    n2: randomUUID(),
    c1: randomUUID(),
    c2: randomUUID(),
    c3: randomUUID(),
    c4: randomUUID(),
    c5: randomUUID(),
    c6: randomUUID(),
  };

  async function write(method: string, path: string, body?: unknown, token = council) {
    const res = await api.request(method, path, { token, body });
    expect({ path, status: res.status, body: res.status < 300 ? 'ok' : res.body }).toEqual({ path, status: res.status < 300 ? res.status : 200, body: 'ok' });
    if (res.body.position && BigInt(res.body.position) > BigInt(last)) last = res.body.position;
    return res.body;
  }
  const read = (path: string, token = council) => api.request('GET', path + (path.includes('?') ? '&' : '?') + `minPosition=${last}`, { token });
  const ok = async (path: string, token = council) => {
    const res = await read(path, token);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body;
  };

  beforeAll(async () => {
    ({ env, drop } = await prepare());
    api = await startApi(env, { keepDataDir: true });
    council = api.token({ role: 'council' });
    await write('POST', '/v1/structures', { id: ids.s1, name: 'Médiathèque de Lyon', kind: 'media_library', communeCode: '69123' });
    await write('POST', '/v1/structures', { id: ids.s2, name: 'Centre social de Villeurbanne', kind: 'association', communeCode: '69266' });
    await write('POST', '/v1/structures', { id: ids.s3, name: 'Mairie du 11e', kind: 'town_hall', communeCode: '75111' });
    await write('POST', '/v1/structures', { id: ids.s4, name: 'Tiers-lieu de Rennes', kind: 'third_place', communeCode: '35238' });
    await write('POST', '/v1/networks', { id: ids.n1, name: 'Réseau des médiathèques', kind: 'public_operator' });
    await write('POST', '/v1/networks', { id: ids.n2, name: 'Fédération des centres sociaux', kind: 'association' });
    await write('POST', `/v1/networks/${ids.n1}/structures`, { structureId: ids.s1 });
    await write('POST', `/v1/networks/${ids.n1}/structures`, { structureId: ids.s3 });
    await write('POST', `/v1/networks/${ids.n2}/structures`, { structureId: ids.s2 });
    // "now" is 2026-06-15T12:00Z: C1..C4 and C6 are due (started more than 7 days ago), C5 is upcoming
    await write('POST', '/v1/cafes', { id: ids.c1, structureId: ids.s1, title: 'IA et emploi', format: 'discussion', startsAt: '2026-04-01T18:00:00+02:00', communeCode: '69383' });
    await write('POST', `/v1/cafes/${ids.c1}/attendance`, { attendees: [{ email: 'a@example.org' }, { email: 'b@example.org' }], anonymousCount: 2 });
    await write('POST', '/v1/cafes', { id: ids.c2, structureId: ids.s3, title: 'L’IA au quotidien', format: 'atelier', startsAt: '2026-06-01T18:00:00+02:00', online: true });
    await write('POST', `/v1/cafes/${ids.c2}/attendance`, { attendees: [{ email: 'A@example.org' }], anonymousCount: 1 });
    await write('POST', '/v1/cafes', { id: ids.c3, structureId: ids.s2, title: 'IA et associations', format: 'atelier', startsAt: '2026-05-10T18:00:00+02:00' });
    await write('POST', '/v1/cafes', { id: ids.c4, structureId: ids.s4, title: 'IA en Bretagne', format: 'discussion', startsAt: '2026-05-20T18:00:00+02:00' });
    await write('POST', `/v1/cafes/${ids.c4}/attendance`, { attendees: [{ email: 'c@example.org' }] });
    await write('POST', '/v1/cafes', { id: ids.c5, structureId: ids.s1, title: 'IA et école', format: 'atelier', startsAt: '2026-07-01T18:00:00+02:00' });
    await write('POST', '/v1/cafes', { id: ids.c6, structureId: ids.s4, title: 'IA et agriculture', format: 'discussion', startsAt: '2026-05-01T18:00:00+02:00' });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await drop?.();
  });

  describe('partner networks', () => {
    it('creates a network idempotently and refuses a reused id with other details', async () => {
      const again = await api.request('POST', '/v1/networks', { token: council, body: { id: ids.n1, name: 'Réseau des médiathèques', kind: 'public_operator' } });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(ids.n1);
      const other = await api.request('POST', '/v1/networks', { token: council, body: { id: ids.n1, name: 'Autre', kind: 'company' } });
      expect(other.status).toBe(409);
      const bad = await api.request('POST', '/v1/networks', { token: council, body: { name: 'X', kind: 'guild' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
    });

    it('answers 404 for an unknown network and structure, 422 for an unknown structure to add', async () => {
      expect((await api.request('POST', `/v1/networks/${randomUUID()}/structures`, { token: council, body: { structureId: ids.s1 } })).status).toBe(404);
      expect((await api.request('POST', `/v1/networks/${ids.n1}/structures`, { token: council, body: { structureId: randomUUID() } })).status).toBe(422);
      expect((await api.request('DELETE', `/v1/networks/${randomUUID()}/structures/${ids.s1}`, { token: council })).status).toBe(404);
      expect((await api.request('DELETE', `/v1/networks/${ids.n1}/structures/${randomUUID()}`, { token: council })).status).toBe(404);
      expect((await read(`/v1/networks/${randomUUID()}`)).status).toBe(404);
    });

    it('counts a person once in a network, across its structures and cafés, with reporting', async () => {
      const n1 = await ok(`/v1/networks/${ids.n1}`);
      expect(n1).toMatchObject({ id: ids.n1, name: 'Réseau des médiathèques', kind: 'public_operator' });
      // a attended in Lyon (s1) and in Paris (s3): once
      expect(n1.figures).toMatchObject({ attendances: 6, distinctParticipants: 2, anonymousAttendees: 3, peopleReached: 5, cafesHeld: 2, cafesScheduled: 1 });
      expect(n1.figures.reporting).toMatchObject({ cafesDue: 2, cafesReported: 2, completeness: 1 });
      expect(n1.structures.map((s: { structureId: string }) => s.structureId).sort()).toEqual([ids.s1, ids.s3].sort());
      expect(n1.structures.find((s: { structureId: string }) => s.structureId === ids.s1)).toMatchObject({ name: 'Médiathèque de Lyon', figures: { peopleReached: 4 } });
      expect(n1.regions.map((r: { code: string }) => r.code).sort()).toEqual(['11', '84']);
      expect(n1.asOf.position).toBe(last);

      const ranking = await ok('/v1/networks');
      expect(ranking.items.map((n: Item) => n.id)).toEqual([ids.n1, ids.n2]);
      expect(ranking.items[0]).toMatchObject({ rank: 1, structureCount: 2, figures: { peopleReached: 5 } });
      expect(ranking.items[1].figures.reporting).toMatchObject({ cafesDue: 1, cafesReported: 0, completeness: 0 });
    });
  });

  describe('the network role', () => {
    const network = () => api.token({ role: 'network', networkId: ids.n1 });

    it('reads its own dashboard and no other network’s', async () => {
      expect((await ok(`/v1/networks/${ids.n1}`, network())).figures.peopleReached).toBe((await ok(`/v1/networks/${ids.n1}`)).figures.peopleReached);
      expect((await read(`/v1/networks/${ids.n2}`, network())).status).toBe(403);
      // an unknown network answers like another's: no existence oracle
      expect((await read(`/v1/networks/${randomUUID()}`, network())).status).toBe(403);
      expect((await ok('/v1/networks', network())).items.map((n: Item) => n.id)).toEqual([ids.n1]);
    });

    it('reads the cafés, structures and breakdowns of its member structures only', async () => {
      const cafes = await ok('/v1/cafes?pageSize=100', network());
      expect(cafes.items.map((c: Item) => c.id).sort()).toEqual([ids.c1, ids.c2, ids.c5].sort());
      expect((await read(`/v1/cafes/${ids.c1}`, network())).status).toBe(200);
      expect((await read(`/v1/cafes/${ids.c4}`, network())).status).toBe(403);
      expect((await read(`/v1/cafes?structureId=${ids.s4}`, network())).status).toBe(403);
      const structures = await ok('/v1/structures', network());
      expect(structures.items.map((s: Item) => s.id).sort()).toEqual([ids.s1, ids.s3].sort());
      const formats = await ok('/v1/breakdowns?by=format', network());
      expect(formats.total).toMatchObject({ distinctParticipants: 2, anonymousAttendees: 3, cafesHeld: 2 });
      expect((await read(`/v1/breakdowns?by=format&network=${ids.n2}`, network())).status).toBe(403);
    });

    it('gets 403 or a scoped answer on every GET of the document, and 403 on every write', async () => {
      const document = (await api.request('GET', '/docs-json')).body;
      const token = network();
      const allowed = new Set(['/v1/networks', '/v1/networks/{id}', '/v1/cafes', '/v1/structures', '/v1/breakdowns']);
      const seen: string[] = [];
      for (const [path, operations] of Object.entries<Record<string, { security?: unknown[]; requestBody?: { content: Record<string, unknown> } }>>(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          // public operations (no bearer) are everyone's: the agenda, health, open data
          if (path.startsWith('/public/') || !operation.security || operation.security.length === 0) continue;
          const url = path
            .replace('{id}', path.startsWith('/v1/networks') ? ids.n1 : randomUUID())
            .replace('{structureId}', ids.s1)
            .replace('{level}', 'region')
            .replace('{code}', '84')
            .replace(/\{[^}]+\}/g, randomUUID());
          // a body of the media type the operation declares (a CSV import is refused as 415 before any role check otherwise)
          const mediaType = Object.keys(operation.requestBody?.content ?? { 'application/json': {} })[0];
          const body = method === 'get' || method === 'delete' ? {} : mediaType === 'application/json' ? { rawBody: '{}' } : { rawBody: 'a', headers: { 'content-type': mediaType } };
          const res = await api.request(method.toUpperCase(), url + (path === '/v1/breakdowns' ? '?by=format' : ''), { token, ...body });
          seen.push(`${method} ${path}`);
          if (method === 'get' && allowed.has(path)) {
            expect({ path, status: res.status }).toEqual({ path, status: 200 });
            const items: { id?: string; structureId?: string }[] = res.body.items ?? [];
            if (path === '/v1/cafes') expect(items.every((c) => c.structureId === ids.s1 || c.structureId === ids.s3)).toBe(true);
            if (path === '/v1/structures') expect(items.every((s) => s.id === ids.s1 || s.id === ids.s3)).toBe(true);
            if (path === '/v1/networks') expect(items.map((n) => n.id)).toEqual([ids.n1]);
          } else {
            expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
          }
        }
      }
      expect(seen).toEqual(expect.arrayContaining(['get /v1/progress', 'get /v1/territories/{level}/{code}', 'post /v1/networks', 'delete /v1/networks/{id}/structures/{structureId}', 'post /v1/cafes']));
    });
  });

  describe('EPCI and local referents', () => {
    it('answers an EPCI dashboard with its communes with activity, and a department’s EPCIs', async () => {
      const epci = await ok(`/v1/territories/epci/${LYON_METROPOLE}`);
      expect(epci).toMatchObject({ code: LYON_METROPOLE, level: 'epci', name: 'Métropole de Lyon' });
      expect(epci.children.map((c: { code: string }) => c.code)).toEqual(['69123', '69266']);
      expect(epci.figures).toMatchObject({ distinctParticipants: 2, anonymousAttendees: 2, cafesHeld: 1, cafesScheduled: 1 });
      expect(epci.figures.reporting).toMatchObject({ cafesDue: 2, cafesReported: 1, completeness: 0.5 });
      const rhone = await ok('/v1/territories/department/69');
      expect(rhone.epcis.find((e: { code: string }) => e.code === LYON_METROPOLE)).toMatchObject({ name: 'Métropole de Lyon', figures: { peopleReached: 4 } });
      const ranking = await ok('/v1/territories?level=epci&pageSize=2');
      expect(ranking.items[0]).toMatchObject({ rank: 1, level: 'epci', code: LYON_METROPOLE });
      expect(ranking.total).toBeGreaterThan(1200);
      expect((await read('/v1/territories/epci/123456789')).status).toBe(404);
    });

    it('filters the directories by EPCI', async () => {
      const cafes = await ok(`/v1/cafes?territory=epci:${LYON_METROPOLE}&pageSize=100`);
      expect(cafes.items.map((c: Item) => c.id).sort()).toEqual([ids.c1, ids.c3, ids.c5].sort());
      const structures = await ok(`/v1/structures?territory=epci:${LYON_METROPOLE}`);
      expect(structures.items.map((s: Item) => s.id).sort()).toEqual([ids.s1, ids.s2].sort());
      expect((await read('/v1/cafes?territory=epci:123456789')).status).toBe(400);
    });

    it('lets an EPCI referent read and write inside the EPCI only', async () => {
      const referent = api.token({ role: 'coordinator', territory: `epci:${LYON_METROPOLE}` });
      expect((await ok(`/v1/territories/epci/${LYON_METROPOLE}`, referent)).figures.peopleReached).toBe(4);
      expect((await read('/v1/territories/commune/69266', referent)).status).toBe(200);
      expect((await read('/v1/territories/department/69', referent)).status).toBe(403);
      expect((await read('/v1/territories/region/84', referent)).status).toBe(403);
      expect((await read('/v1/cafes?territory=department:69', referent)).status).toBe(403);
      expect((await ok('/v1/cafes?pageSize=100', referent)).items.map((c: Item) => c.id).sort()).toEqual([ids.c1, ids.c3, ids.c5].sort());
      expect((await ok('/v1/territories?level=commune&pageSize=500', referent)).items.every((t: { code: string }) => ['69'].includes(t.code.slice(0, 2)))).toBe(true);
      expect((await api.request('POST', '/v1/structures', { token: referent, body: { name: 'Maison de quartier', kind: 'association', communeCode: '69266' } })).status).toBe(201);
      expect((await api.request('POST', '/v1/structures', { token: referent, body: { name: 'Ailleurs', kind: 'association', communeCode: '35238' } })).status).toBe(403);
      expect((await api.request('POST', '/v1/structures', { token: referent, body: { name: 'Rhône hors métropole', kind: 'association', communeCode: '69264' } })).status).toBe(403);
    });

    it('lets a commune referent see that commune only', async () => {
      const referent = api.token({ role: 'coordinator', territory: 'commune:69266' });
      expect((await ok('/v1/cafes', referent)).items.map((c: Item) => c.id)).toEqual([ids.c3]);
      expect((await read('/v1/territories/commune/69266', referent)).status).toBe(200);
      expect((await read(`/v1/territories/epci/${LYON_METROPOLE}`, referent)).status).toBe(403);
      expect((await read('/v1/territories/commune/69123', referent)).status).toBe(403);
    });
  });

  describe('reporting', () => {
    it('lists the due cafés with no attendance, oldest first, inside the caller’s scope', async () => {
      expect((await ok('/v1/cafes?status=unreported')).items.map((c: Item) => c.id)).toEqual([ids.c6, ids.c3]);
      const referent = api.token({ role: 'coordinator', territory: `epci:${LYON_METROPOLE}` });
      expect((await ok('/v1/cafes?status=unreported', referent)).items.map((c: Item) => c.id)).toEqual([ids.c3]);
      expect((await ok('/v1/progress')).figures.reporting).toMatchObject({ cafesDue: 5, cafesReported: 3, completeness: 0.6 });
    });
  });

  describe('breakdowns', () => {
    it('groups by each key, the items adding up to the total, a person once per item and once in the total', async () => {
      const formats = await ok('/v1/breakdowns?by=format');
      expect(formats.by).toBe('format');
      expect(formats.total).toEqual({ attendances: 7, distinctParticipants: 3, anonymousAttendees: 3, peopleReached: 6, cafesHeld: 3, cafesCancelled: 0 });
      const discussion = formats.items.find((i: { key: string }) => i.key === 'discussion');
      expect(discussion.figures).toMatchObject({ distinctParticipants: 3, anonymousAttendees: 2, cafesHeld: 2 });
      for (const by of ['format', 'audience', 'online', 'structureKind', 'month']) {
        const body = await ok(`/v1/breakdowns?by=${by}`);
        for (const figure of ['attendances', 'anonymousAttendees', 'cafesHeld', 'cafesCancelled']) {
          expect({ by, figure, sum: body.items.reduce((s: number, i: { figures: Record<string, number> }) => s + i.figures[figure], 0) }).toEqual({ by, figure, sum: body.total[figure] });
        }
      }
      expect((await ok('/v1/breakdowns?by=online')).items.find((i: { key: string }) => i.key === 'online').figures.cafesHeld).toBe(1);
      expect((await ok('/v1/breakdowns?by=month&from=2026-05-01&to=2026-06-30')).items.map((i: { key: string }) => i.key)).toEqual(['2026-05', '2026-06']);
      expect((await ok(`/v1/breakdowns?by=structureKind&territory=epci:${LYON_METROPOLE}`)).total.cafesHeld).toBe(1);
      expect((await ok(`/v1/breakdowns?by=format&network=${ids.n2}`)).total.cafesHeld).toBe(0);
    });

    it('answers 400 naming the parameter, and scopes coordinators to their territory', async () => {
      for (const [query, field] of [['by=colour', 'by'], ['', 'by'], ['by=format&from=2026-13-01', 'from'], ['by=format&territory=region:99', 'territory'], ['by=format&network=nope', 'network']]) {
        const res = await read(`/v1/breakdowns?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const referent = api.token({ role: 'coordinator', territory: `epci:${LYON_METROPOLE}` });
      expect((await ok('/v1/breakdowns?by=format', referent)).total.cafesHeld).toBe(1);
      expect((await read('/v1/breakdowns?by=format&territory=region:84', referent)).status).toBe(403);
      expect((await read('/v1/breakdowns?by=format', api.token({ role: 'organizer', structureIds: [ids.s1] }))).status).toBe(403);
    });

    it('answers 404 for an unknown network, the problem GET /v1/networks/{id} answers, and the document declares it', async () => {
      const unknown = randomUUID();
      const breakdown = await read(`/v1/breakdowns?by=format&network=${unknown}`);
      const dashboard = await read(`/v1/networks/${unknown}`);
      expect({ status: breakdown.status, type: breakdown.headers.get('content-type') }).toEqual({ status: 404, type: expect.stringContaining('application/problem+json') });
      // the same problem but for `instance`, the URL asked
      const withoutInstance = ({ instance: _, ...problem }: Record<string, unknown>) => problem;
      expect(withoutInstance(breakdown.body)).toEqual(withoutInstance(dashboard.body));
      expect(breakdown.body).toMatchObject({ status: 404, code: 'unknown_network', detail: `No network has the id ${unknown}.` });
      // a network role asking for another one, existing or not, is still refused first (no existence oracle)
      expect((await read(`/v1/breakdowns?by=format&network=${unknown}`, api.token({ role: 'network', networkId: ids.n1 }))).status).toBe(403);
      const document = (await api.request('GET', '/docs-json')).body;
      expect(document.paths['/v1/breakdowns'].get.responses['404'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    });
  });

  describe('figures as of a date', () => {
    it('answers 400 naming asOfDate on a bad or future day', async () => {
      for (const date of ['2026-02-30', '15/06/2026', '2026-06-16']) {
        for (const path of ['/v1/progress', '/v1/territories/region/84']) {
          const res = await read(`${path}?asOfDate=${encodeURIComponent(date)}`);
          expect({ path, date, status: res.status }).toEqual({ path, date, status: 400 });
          expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(['asOfDate']);
        }
      }
    });

    it('reproduces a day’s figures after later writes; a membership removal takes the structure’s whole history out', async () => {
      const before = await ok('/v1/progress?asOfDate=2026-06-15');
      const territoryBefore = await ok(`/v1/territories/epci/${LYON_METROPOLE}?asOfDate=2026-06-15`);
      const live = await ok('/v1/progress');
      expect(before.asOf).toMatchObject({ date: '2026-06-15', at: '2026-06-15T21:59:59.999Z', position: live.asOf.position });
      expect(before.figures).toEqual(live.figures);
      expect((await ok('/v1/progress?asOfDate=2026-06-14')).figures.peopleReached).toBe(0);

      // the next day: C3 gets its attendance and Paris 11e leaves network n1
      await api.close();
      api = await startApi({ ...env, DATA_DIR: api.dataDir, CLOCK: '2026-06-16T12:00:00Z' }, { keepDataDir: true });
      council = api.token({ role: 'council' });
      await write('POST', `/v1/cafes/${ids.c3}/attendance`, { attendees: [{ email: 'z@example.org' }] });
      await write('DELETE', `/v1/networks/${ids.n1}/structures/${ids.s3}`);

      expect(await ok('/v1/progress?asOfDate=2026-06-15')).toEqual(before);
      expect(await ok(`/v1/territories/epci/${LYON_METROPOLE}?asOfDate=2026-06-15`)).toEqual(territoryBefore);
      const after = await ok('/v1/progress?asOfDate=2026-06-16');
      expect(after.figures.distinctParticipants).toBe(before.figures.distinctParticipants + 1);
      expect(after.asOf.position).toBe((await ok('/v1/progress')).asOf.position);

      const n1 = await ok(`/v1/networks/${ids.n1}`);
      // a is still counted (Lyon), the Paris café's anonymous attendee and café are gone
      expect(n1.figures).toMatchObject({ distinctParticipants: 2, anonymousAttendees: 2, peopleReached: 4, cafesHeld: 1 });
      expect(n1.structures.map((s: { structureId: string }) => s.structureId)).toEqual([ids.s1]);
      expect(n1.regions.map((r: { code: string }) => r.code)).toEqual(['84']);
      const network = api.token({ role: 'network', networkId: ids.n1 });
      expect((await read(`/v1/cafes/${ids.c2}`, network)).status).toBe(403);
      expect((await ok('/v1/structures', network)).items.map((s: Item) => s.id)).toEqual([ids.s1]);
    }, 30_000);
  });
});
