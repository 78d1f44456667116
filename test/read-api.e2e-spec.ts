import { randomUUID } from 'node:crypto';
import { ApiHarness, startApi } from './support/api-harness';
import { readModelDialects } from './support/read-model-dialects';

/**
 * The read half of the contract over real HTTP: figures exactly as API.md defines them, after writes through
 * the API, on SQLite read models and on PostgreSQL read models; scopes; freshness; restart and rebuild.
 */
const dialects = readModelDialects();

describe.each(dialects)('read API on %s', (_name, prepare) => {
  let api: ApiHarness;
  let council: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let last = '0';
  const ids = { s1: randomUUID(), s2: randomUUID(), s3: randomUUID(), c1: randomUUID(), c2: randomUUID(), c3: randomUUID(), c4: randomUUID(), c5: randomUUID() };

  async function write(method: string, path: string, body: unknown) {
    const res = await api.request(method, path, { token: council, body });
    expect({ path, status: res.status < 300 }).toEqual({ path, status: true });
    if (res.body.position && BigInt(res.body.position) > BigInt(last)) last = res.body.position;
    return res.body;
  }
  const read = (path: string, token = council) => api.request('GET', path + (path.includes('?') ? '&' : '?') + `minPosition=${last}`, { token });

  beforeAll(async () => {
    ({ env, drop } = await prepare());
    api = await startApi(env, { keepDataDir: true });
    council = api.token({ role: 'council' });
    // three structures: Lyon, Paris 11e, Fort-de-France (Martinique)
    await write('POST', '/v1/structures', { id: ids.s1, name: 'Médiathèque de Lyon', kind: 'media_library', communeCode: '69123' });
    await write('POST', '/v1/structures', { id: ids.s2, name: 'Mairie du 11e', kind: 'town_hall', communeCode: '75111' });
    await write('POST', '/v1/structures', { id: ids.s3, name: 'Tiers-lieu Fort-de-France', kind: 'third_place', communeCode: '97209' });
    // C1 in Lyon 3e arrondissement, more than 28 days before "now" (2026-06-15T12:00Z)
    await write('POST', '/v1/cafes', { id: ids.c1, structureId: ids.s1, title: 'IA et emploi', format: 'discussion', startsAt: '2026-04-01T18:00:00+02:00', communeCode: '69383', capacity: 30 });
    await write('POST', `/v1/cafes/${ids.c1}/attendance`, { attendees: [{ email: 'a@example.org' }, { email: 'b@example.org' }, { phone: '06 11 22 33 44' }], anonymousCount: 2 });
    // C2 in Paris 11e, within the last 28 days; the headcount is replaced (3 → 1)
    await write('POST', '/v1/cafes', { id: ids.c2, structureId: ids.s2, title: 'L’IA au quotidien', format: 'atelier', startsAt: '2026-06-10T18:00:00+02:00' });
    await write('POST', `/v1/cafes/${ids.c2}/enrolments`, { participant: { email: 'd@example.org' } });
    await write('POST', `/v1/cafes/${ids.c2}/attendance`, { attendees: [{ email: 'A@example.org' }, { email: 'd@example.org' }], anonymousCount: 3 });
    await write('POST', `/v1/cafes/${ids.c2}/attendance`, { anonymousCount: 1 });
    // C3 in Martinique
    await write('POST', '/v1/cafes', { id: ids.c3, structureId: ids.s3, title: 'IA et créole', format: 'discussion', startsAt: '2026-06-12T10:00:00-04:00' });
    await write('POST', `/v1/cafes/${ids.c3}/attendance`, { attendees: [{ email: 'e@example.org' }] });
    // C4 upcoming in Lyon with enrolments; C5 upcoming in Paris, cancelled
    await write('POST', '/v1/cafes', { id: ids.c4, structureId: ids.s1, title: 'IA et école', format: 'atelier', startsAt: '2026-07-01T18:00:00+02:00' });
    await write('POST', `/v1/cafes/${ids.c4}/enrolments`, { participant: { email: 'f@example.org' } });
    await write('POST', `/v1/cafes/${ids.c4}/enrolments`, { participant: { email: 'g@example.org' } });
    await write('POST', '/v1/cafes', { id: ids.c5, structureId: ids.s2, title: 'Annulé', format: 'atelier', startsAt: '2026-07-02T18:00:00+02:00' });
    await write('POST', `/v1/cafes/${ids.c5}/cancel`, { reason: 'salle indisponible' });
    // animators: two trained in Lyon (one capable), one in training in Paris
    const a1 = await write('POST', '/v1/animators', { displayName: 'Ana', communeCode: '69123', structureId: ids.s1 });
    await write('POST', `/v1/animators/${a1.id}/training`, { status: 'enrolled' });
    await write('POST', `/v1/animators/${a1.id}/training`, { status: 'completed', capable: true });
    const a2 = await write('POST', '/v1/animators', { displayName: 'Bruno', communeCode: '75056' });
    await write('POST', `/v1/animators/${a2.id}/training`, { status: 'enrolled' });
    const a3 = await write('POST', '/v1/animators', { displayName: 'Chloé', communeCode: '69381' });
    await write('POST', `/v1/animators/${a3.id}/training`, { status: 'enrolled' });
    await write('POST', `/v1/animators/${a3.id}/training`, { status: 'completed', capable: false });
    await write('PUT', '/v1/territories/region/11/target', { people: 300000 });
  });

  afterAll(async () => {
    await api?.close();
    await drop?.();
  });

  const national = {
    attendances: 9, // 6 named records + 3 anonymous (2 + 1)
    distinctParticipants: 5, // a (twice), b, c, d, e
    anonymousAttendees: 3,
    peopleReached: 8,
    cafesHeld: 3,
    cafesScheduled: 1,
    cafesCancelled: 1,
    structuresActive: 3,
    shareOutsideParis: 2 / 3,
    animatorsTrained: 2,
    animatorsInTraining: 1,
    shareTrainedCapable: 0.5,
    // only C1 started more than 7 days before now (2026-06-15); its attendance was recorded today, weeks late
    reporting: { cafesDue: 1, cafesReported: 1, cafesReportedOnTime: 0, completeness: 1, timeliness: 0 },
  };

  it('answers national progress exactly as defined, with asOf and the read-model position header', async () => {
    const res = await read('/v1/progress');
    expect(res.status).toBe(200);
    expect(res.body.figures).toEqual({ ...national, shareOutsideParis: expect.closeTo(2 / 3, 10) });
    const daysLeft = Math.round((Date.UTC(2027, 11, 31) - Date.UTC(2026, 5, 15)) / 86_400_000);
    const pace = (8 - 5) / 28; // only C1 started more than 28 days ago: a, b, c + 2 anonymous
    expect(res.body).toMatchObject({ target: 2_000_000, deadline: '2027-12-31', onTrack: false });
    expect(res.body.progress).toBeCloseTo(8 / 2_000_000, 12);
    expect(res.body.pacePerDay).toBeCloseTo(pace, 10);
    expect(res.body.projectedAtDeadline).toBeCloseTo(8 + pace * daysLeft, 6);
    expect(res.body.requiredPacePerDay).toBeCloseTo((2_000_000 - 8) / daysLeft, 6);
    expect(res.body.asOf.position).toBe(last);
    expect(res.headers.get('x-read-model-position')).toBe(last);
  });

  it('counts a person once in each territory where they attended, arrondissements toward their commune', async () => {
    const aura = (await read('/v1/territories/region/84')).body;
    expect(aura).toMatchObject({ code: '84', level: 'region', name: 'Auvergne-Rhône-Alpes' });
    expect(aura.figures).toEqual({ attendances: 5, distinctParticipants: 3, anonymousAttendees: 2, peopleReached: 5, cafesHeld: 1, cafesScheduled: 1, cafesCancelled: 0, structuresActive: 1, shareOutsideParis: 1, animatorsTrained: 2, animatorsInTraining: 0, shareTrainedCapable: 0.5, reporting: { cafesDue: 1, cafesReported: 1, cafesReportedOnTime: 0, completeness: 1, timeliness: 0 } });
    expect(aura.target).toBe(Math.round((2_000_000 * 8_205_557) / 68_952_941));
    expect(aura.children.find((c: { code: string }) => c.code === '69').figures.peopleReached).toBe(5);
    expect(aura.upcomingCafes.map((c: { id: string }) => c.id)).toEqual([ids.c4]);
    expect(aura.topStructures[0]).toMatchObject({ id: ids.s1, peopleReached: 5, cafesHeld: 1 });

    const idf = (await read('/v1/territories/region/11')).body;
    expect(idf.figures).toMatchObject({ distinctParticipants: 2, anonymousAttendees: 1, peopleReached: 3, cafesHeld: 1, cafesCancelled: 1, shareOutsideParis: 0, animatorsInTraining: 1 });
    expect(idf.target).toBe(300000);
    expect(idf.progress).toBeCloseTo(3 / 300000, 12);

    const lyon = (await read('/v1/territories/commune/69123')).body;
    expect(lyon).toMatchObject({ code: '69123', name: 'Lyon' });
    expect(lyon.figures.peopleReached).toBe(5);
    const paris = (await read('/v1/territories/commune/75056')).body;
    expect(paris.figures.peopleReached).toBe(3);
    const department = (await read('/v1/territories/department/69')).body;
    expect(department.children.map((c: { code: string }) => c.code)).toEqual(['69123']);

    const ranking = (await read('/v1/territories?level=region')).body;
    expect(ranking.total).toBe(ranking.items.length);
    expect(ranking.items[0]).toMatchObject({ code: '84' });
    const regionalDistinct = ranking.items.reduce((sum: number, t: { figures: { distinctParticipants: number } }) => sum + t.figures.distinctParticipants, 0);
    expect(regionalDistinct).toBe(6); // a counts in Auvergne-Rhône-Alpes and in Île-de-France
  });

  it('lists cafés with filters and pagination, and one café with its counts', async () => {
    const all = (await read('/v1/cafes?pageSize=2&page=1')).body;
    expect(all).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(all.items).toHaveLength(2);
    expect((await read('/v1/cafes?status=held')).body.total).toBe(3);
    expect((await read('/v1/cafes?status=cancelled')).body.items.map((c: { id: string }) => c.id)).toEqual([ids.c5]);
    expect((await read('/v1/cafes?territory=region:84')).body.total).toBe(2);
    expect((await read('/v1/cafes?from=2026-06-01&to=2026-06-30')).body.total).toBe(2);
    const c2 = (await read(`/v1/cafes/${ids.c2}`)).body;
    expect(c2).toMatchObject({ id: ids.c2, status: 'held', enrolled: 2, attendedNamed: 2, anonymous: 1 });
    const c4 = (await read(`/v1/cafes/${ids.c4}`)).body;
    expect(c4).toMatchObject({ status: 'scheduled', enrolled: 2, attendedNamed: 0 });
  });

  it('ranks structures by engagement and lists animators with their training', async () => {
    const structures = (await read('/v1/structures?sort=engagement')).body;
    expect(structures.items.map((s: { id: string }) => s.id)).toEqual([ids.s1, ids.s2, ids.s3]);
    expect(structures.items[0]).toMatchObject({ cafesHeld: 1, peopleReached: 5 });
    const trained = (await read('/v1/animators?training=completed')).body;
    expect(trained.total).toBe(2);
    expect((await read('/v1/animators?territory=region:11')).body.items[0]).toMatchObject({ displayName: 'Bruno' });
  });

  it('gives the timeline of people reached, cumulative', async () => {
    const timeline = (await read('/v1/progress/timeline?granularity=month&from=2026-04-01&to=2026-06-30')).body;
    const byStart = Object.fromEntries(timeline.buckets.map((b: { start: string; peopleReached: number }) => [b.start, b.peopleReached]));
    expect(byStart).toEqual({ '2026-04-01': 5, '2026-05-01': 5, '2026-06-01': 8 });
  });

  it('keeps coordinators and organizers to their scope', async () => {
    const coordinator = api.token({ role: 'coordinator', territory: 'region:84' });
    expect((await read('/v1/territories/region/84', coordinator)).status).toBe(200);
    expect((await read('/v1/territories/department/69', coordinator)).status).toBe(200);
    expect((await read('/v1/territories/region/11', coordinator)).status).toBe(403);
    expect((await read('/v1/progress', coordinator)).status).toBe(403);
    const cafes = (await read('/v1/cafes', coordinator)).body;
    expect(cafes.items.map((c: { id: string }) => c.id).sort()).toEqual([ids.c1, ids.c4].sort());
    expect((await read('/v1/cafes?territory=region:11', coordinator)).status).toBe(403);
    expect((await read(`/v1/cafes/${ids.c2}`, coordinator)).status).toBe(403);
    const organizer = api.token({ role: 'organizer', structureIds: [ids.s2] });
    expect((await read('/v1/cafes', organizer)).body.items.map((c: { id: string }) => c.id).sort()).toEqual([ids.c2, ids.c5].sort());
    expect((await read(`/v1/cafes/${ids.c1}`, organizer)).status).toBe(403);
    const funder = api.token({ role: 'funder', funderId: randomUUID() });
    expect((await read('/v1/structures', funder)).status).toBe(403);
  });

  it('answers bad read input with problems: unknown territory 404, malformed filters 400 naming the parameter', async () => {
    const cases: [string, number, string?][] = [
      ['/v1/territories/region/99', 404],
      ['/v1/territories/canton/84', 404],
      ['/v1/cafes?pageSize=501', 400, 'pageSize'],
      ['/v1/cafes?page=0', 400, 'page'],
      ['/v1/cafes?from=yesterday', 400, 'from'],
      ['/v1/cafes?from=2026-02-30', 400, 'from'],
      ['/v1/cafes?status=finished', 400, 'status'],
      ['/v1/cafes?territory=region:999', 400, 'territory'],
      ['/v1/progress/timeline?granularity=year', 400, 'granularity'],
      ['/v1/progress?minPosition=abc', 400, 'minPosition'],
      ['/v1/territories?level=country', 400, 'level'],
      [`/v1/cafes/${randomUUID()}`, 404],
    ];
    for (const [path, status, field] of cases) {
      const res = await api.request('GET', path, { token: council });
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('may answer a repeated read from its half-second cache, but always with the asOf it reflects, and never older than minPosition', async () => {
    const first = (await api.request('GET', '/v1/progress', { token: council })).body;
    const written = await write('POST', '/v1/funders', { name: 'Cache test', kind: 'public' });
    const again = (await api.request('GET', '/v1/progress', { token: council })).body;
    expect(BigInt(again.asOf.position)).toBeGreaterThanOrEqual(BigInt(first.asOf.position));
    expect(BigInt(again.asOf.position)).toBeLessThanOrEqual(BigInt(written.position));
    const fresh = (await api.request('GET', `/v1/progress?minPosition=${written.position}`, { token: council })).body;
    expect(fresh.asOf.position).toBe(written.position);
  });

  it('sends a cached answer as the same JSON, with the same headers, as the answer it keeps', async () => {
    const computed = await api.request('GET', '/v1/territories/department/69', { token: council });
    const cached = await api.request('GET', '/v1/territories/department/69', { token: council });
    expect(cached.text).toBe(computed.text);
    for (const header of ['content-type', 'x-read-model-position']) expect({ header, value: cached.headers.get(header) }).toEqual({ header, value: computed.headers.get(header) });
    expect(computed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // the cache is keyed by the caller's scope too: a coordinator elsewhere is refused, not served the council's answer
    expect((await api.request('GET', '/v1/territories/department/69', { token: api.token({ role: 'coordinator', territory: 'department:13' }) })).status).toBe(403);
    // a kept answer is never sent to a caller whose token does not verify, nor to one without a token
    const forged = council.slice(0, -2) + (council.endsWith('AA') ? 'BB' : 'AA');
    expect((await api.request('GET', '/v1/territories/department/69', { token: forged })).status).toBe(401);
    expect((await api.request('GET', '/v1/territories/department/69')).status).toBe(401);
    // nor for a minPosition it is older than: that one waits for the read models, then answers 503
    const ahead = String(BigInt(computed.body.asOf.position) + 1000n);
    expect((await api.request('GET', `/v1/territories/department/69?minPosition=${ahead}`, { token: council })).status).toBe(503);
    // and a malformed minPosition is the pipeline's 400, not a cached answer
    expect((await api.request('GET', '/v1/territories/department/69?minPosition=abc', { token: council })).status).toBe(400);
  }, 15_000);

  it('waits for a position not yet applied, then answers 503 with Retry-After', async () => {
    const res = await api.request('GET', `/v1/progress?minPosition=${BigInt(last) + 1000n}`, { token: council });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  }, 15000);

  it('rebuilds every read model without stopping reads, with exactly the same figures', async () => {
    const before = (await read('/v1/territories?level=department&pageSize=500')).body.items;
    const progressBefore = (await read('/v1/progress')).body;
    const rebuild = api.request('POST', '/v1/admin/projections/rebuild?wait=true', { token: council });
    const during = await api.request('GET', '/v1/progress', { token: council });
    expect(during.status).toBe(200);
    const done = await rebuild;
    expect(done.status).toBe(202);
    expect(done.body.report.events).toBeGreaterThan(0);
    expect((await read('/v1/territories?level=department&pageSize=500')).body.items).toEqual(before);
    const progressAfter = (await read('/v1/progress')).body;
    expect(progressAfter.figures).toEqual(progressBefore.figures);
    const status = (await api.request('GET', '/v1/admin/projections', { token: council })).body;
    expect(status.projections[0]).toMatchObject({ position: last, lag: 0 });
    const metrics = (await api.request('GET', '/metrics')).text;
    expect(metrics).toContain(`cafeia_projection_position ${last}`);
    expect(metrics).toContain('cafeia_projection_lag_events 0');
    expect(metrics).toMatch(/cafeia_http_request_duration_seconds_bucket\{.*route="\/v1\/progress"/);
  });

  it('gives the same figures after a restart on the same data', async () => {
    const before = (await read('/v1/progress')).body.figures;
    await api.close();
    api = await startApi({ ...env, DATA_DIR: api.dataDir }, { keepDataDir: true });
    expect((await read('/v1/progress')).body.figures).toEqual(before);
  });
});
