import { createHmac, randomUUID } from 'node:crypto';
import { signToken } from '../apps/api/src/auth/jwt';
import { ApiHarness, startApi, TEST_SECRET } from './support/api-harness';

/**
 * What a hostile or careless client was found to get away with (issue 9), pinned over real HTTP. Each case
 * failed before its fix.
 */
describe('hardening (embedded default)', () => {
  let api: ApiHarness;
  let council: string;

  beforeAll(async () => {
    api = await startApi();
    council = api.token({ role: 'council' });
  });
  afterAll(() => api.close());

  const post = (path: string, body: unknown, token = council, headers: Record<string, string> = {}) => api.request('POST', path, { token, body, headers });
  const get = (path: string, token = council) => api.request('GET', path, { token });

  async function headPosition(): Promise<string | null> {
    const { EVENT_STORE } = await import('../apps/api/src/infrastructure/tokens');
    return api.app.get(EVENT_STORE).headPosition();
  }

  async function structure(communeCode: string): Promise<string> {
    const res = await post('/v1/structures', { name: `Structure ${communeCode}`, kind: 'library', communeCode });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function animator(communeCode: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await post('/v1/animators', { displayName: 'Camille D.', communeCode, ...extra });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  describe('scopes of coordinators', () => {
    it('refuses a coordinator recording a training step for an animator outside their territory, appending nothing', async () => {
      const parisian = await animator('75056');
      const lyon = api.token({ role: 'coordinator', territory: 'department:69' });
      const before = await headPosition();
      const res = await post(`/v1/animators/${parisian}/training`, { status: 'enrolled' }, lyon);
      expect(res.status).toBe(403);
      expect(await headPosition()).toBe(before);
      const own = await animator('69123');
      expect((await post(`/v1/animators/${own}/training`, { status: 'enrolled' }, lyon)).status).toBe(200);
    });

    it('refuses a coordinator attaching an animator of their territory to a structure outside it', async () => {
      const parisStructure = await structure('75056');
      const lyon = api.token({ role: 'coordinator', territory: 'department:69' });
      const res = await post('/v1/animators', { displayName: 'Sam', communeCode: '69123', structureId: parisStructure }, lyon);
      expect(res.status).toBe(403);
      const lyonStructure = await structure('69381');
      expect((await post('/v1/animators', { displayName: 'Sam', communeCode: '69123', structureId: lyonStructure }, lyon)).status).toBe(201);
    });
  });

  describe('no existence oracle, no other structure named', () => {
    it('answers 403 to an organizer for a café outside their structures, whether or not it exists', async () => {
      const mine = await structure('69123');
      const theirs = await structure('69123');
      const theirCafe = await post('/v1/cafes', { structureId: theirs, title: 'Le leur', format: 'atelier', startsAt: '2026-06-01T18:00:00+02:00' });
      const organizer = api.token({ role: 'organizer', structureIds: [mine] });
      for (const id of [theirCafe.body.id, randomUUID()]) {
        const read = await get(`/v1/cafes/${id}`, organizer);
        expect(read.status).toBe(403);
        const write = await post(`/v1/cafes/${id}/cancel`, { reason: 'non' }, organizer);
        expect(write.status).toBe(403);
      }
      const refused = await post('/v1/cafes', { structureId: theirs, title: 'x', format: 'atelier', startsAt: '2026-07-01T18:00:00+02:00' }, organizer);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).not.toContain(theirs);
      // the council still learns that an id is unknown
      expect((await get(`/v1/cafes/${randomUUID()}`)).status).toBe(404);
    });

    it('answers 403 to a coordinator for an unknown animator, 404 to the council', async () => {
      const lyon = api.token({ role: 'coordinator', territory: 'department:69' });
      expect((await post(`/v1/animators/${randomUUID()}/training`, { status: 'enrolled' }, lyon)).status).toBe(403);
      expect((await post(`/v1/animators/${randomUUID()}/training`, { status: 'enrolled' })).status).toBe(404);
    });

    it('answers 403 to a funder for a funding that is not theirs, whether or not it exists', async () => {
      const funder = await post('/v1/funders', { name: 'Fondation', kind: 'private' });
      const other = await post('/v1/funders', { name: 'Autre', kind: 'public' });
      const s = await structure('69123');
      const funding = await post('/v1/fundings', { funderId: other.body.id, structureIds: [s], from: '2026-01-01', to: '2026-12-31' });
      const token = api.token({ role: 'funder', funderId: funder.body.id });
      expect((await get(`/v1/fundings/${funding.body.id}/audit`, token)).status).toBe(403);
      expect((await get(`/v1/fundings/${randomUUID()}/audit`, token)).status).toBe(403);
      expect((await get(`/v1/fundings/${randomUUID()}/audit`)).status).toBe(404);
    });
  });

  describe('tokens', () => {
    const now = () => Math.floor(Date.now() / 1000);
    /** an HS256 token built by hand, as an attacker would, with any payload and any secret */
    const forge = (payload: object, secret: string) => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    };

    it('refuses a token without a numeric exp, or with a non-numeric exp or nbf', async () => {
      for (const claims of [
        { sub: 'x', role: 'council' },
        { sub: 'x', role: 'council', exp: String(now() + 3600) },
        { sub: 'x', role: 'council', exp: now() + 3600, nbf: 'tomorrow' },
      ]) {
        const token = forge(claims, TEST_SECRET);
        const res = await get('/v1/progress', token);
        expect(res.status).toBe(401);
      }
      expect((await get('/v1/progress', signToken({ sub: 'x', role: 'council', exp: now() + 3600 }, TEST_SECRET))).status).toBe(200);
    });

    it('gives every token that `npm run token` mints a subject of its own, and an expiry', async () => {
      const { execFileSync } = await import('node:child_process');
      const { dist } = await import('./support/processes');
      const mint = () => execFileSync(process.execPath, [dist('apps/api/src/token.js'), '--role', 'council'], { env: { ...process.env, AUTH_SECRET: TEST_SECRET } }).toString().trim();
      const payload = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      const [a, b] = [payload(mint()), payload(mint())];
      expect(a.sub).not.toBe(b.sub);
      expect(a.sub).toMatch(/^council:/);
      expect(typeof a.exp).toBe('number');
    });

    it('refuses a token signed with an empty secret', async () => {
      const forged = forge({ sub: 'x', role: 'council', exp: now() + 3600 }, '');
      expect((await get('/v1/progress', forged)).status).toBe(401);
    });
  });
  describe('instants and series of a sane size', () => {
    it('answers 400 naming the parameter for a timeline from after today or too long a daily series', async () => {
      const late = await get('/v1/progress/timeline?from=2027-12-31');
      expect(late.status).toBe(400);
      expect(late.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
      const long = await get('/v1/progress/timeline?granularity=day&from=2000-01-01');
      expect(long.status).toBe(400);
      expect(long.body.errors[0].field).toBe('from');
      const daily = await get('/v1/progress/timeline?granularity=day&from=2020-01-01&to=2035-12-31');
      expect(daily.status).toBe(400);
      expect(daily.body.detail).toMatch(/more than 5000/);
      expect((await get('/v1/progress/timeline?granularity=week&from=2020-01-01&to=2035-12-31')).status).toBe(200);
    });

    it('refuses a café dated outside 2020–2100 with a 400 naming the field, so the default timeline stays drawable', async () => {
      const s = await structure('69123');
      const before = await headPosition();
      for (const startsAt of ['1000-01-01T10:00:00Z', '2999-01-01T10:00:00Z', '2019-12-31T10:00:00Z']) {
        const res = await post('/v1/cafes', { structureId: s, title: 'Hors du temps', format: 'atelier', startsAt });
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['startsAt']));
        expect(res.body.errors).toContainEqual({ field: 'startsAt', message: 'startsAt must lie between 2020-01-01 and 2100-12-31' });
      }
      expect(await headPosition()).toBe(before);
      expect((await get('/v1/progress/timeline')).status).toBe(200);
    });
  });
  describe('Idempotency-Key', () => {
    it('scopes a key to the whole caller: another role sharing the subject does not get the first answer', async () => {
      const key = randomUUID();
      const first = await post('/v1/structures', { name: 'Paris', kind: 'school', communeCode: '75056' }, api.token({ role: 'council', sub: 'shared' }), { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const coordinator = api.token({ role: 'coordinator', sub: 'shared', territory: 'region:84' });
      const second = await post('/v1/structures', { name: 'Paris', kind: 'school', communeCode: '75056' }, coordinator, { 'idempotency-key': key });
      expect(second.status).toBe(403);
      expect(second.headers.get('idempotent-replayed')).toBeNull();
    });

    it('runs only one of two concurrent requests sharing a key with different bodies', async () => {
      const key = randomUUID();
      const before = await headPosition();
      const answers = await Promise.all(
        ['Région Bretagne', 'Région Normandie'].map((name) => post('/v1/funders', { name, kind: 'public' }, council, { 'idempotency-key': key })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const after = await headPosition();
      expect(Number(after) - Number(before)).toBe(1);
    });

    it('keeps no plain hash of the bodies it remembers, and forgets the answers naming an erased person', async () => {
      const s = await structure('69123');
      const cafe = await post('/v1/cafes', { structureId: s, title: 'IA', format: 'atelier', startsAt: '2026-06-01T18:00:00+02:00' });
      const body = { participant: { email: 'anne.onyme@example.org' } };
      const enrolled = await post(`/v1/cafes/${cafe.body.id}/enrolments`, body, council, { 'idempotency-key': 'enrol-anne' });
      expect(enrolled.status).toBe(201);
      const { default: Database } = await import('better-sqlite3');
      const { canonicalJson } = await import('@cafeia/event-store');
      const { createHash } = await import('node:crypto');
      const plain = createHash('sha256').update(canonicalJson(body)).digest('hex');
      const db = new Database(`${api.dataDir}/api.db`, { readonly: true });
      const rows = () => db.prepare('select request_hash, body from idempotency_requests').all() as { request_hash: string; body: string }[];
      expect(rows().some((r) => r.request_hash === plain)).toBe(false);
      expect(rows().some((r) => r.body.includes(enrolled.body.participantId))).toBe(true);
      expect((await api.request('DELETE', `/v1/participants/${enrolled.body.participantId}`, { token: council })).status).toBe(200);
      expect(rows().some((r) => r.body.includes(enrolled.body.participantId))).toBe(false);
      db.close();
    });
  });
  describe('files and health', () => {
    it('keeps DATA_DIR owner-only and its SQLite files readable by the owner alone', async () => {
      const { statSync, readdirSync } = await import('node:fs');
      expect(statSync(api.dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(api.dataDir).filter((f) => /\.db(-wal|-shm)?$/.test(f));
      expect(files).toEqual(expect.arrayContaining(['events.db', 'api.db', 'keys.db']));
      for (const file of files) expect({ file, mode: statSync(`${api.dataDir}/${file}`).mode & 0o777 }).toEqual({ file, mode: 0o600 });
    });

    it('says the projector is retrying (503, metrics) while its database is locked, shows no error text, and catches up after', async () => {
      const { readdirSync } = await import('node:fs');
      const { default: Database } = await import('better-sqlite3');
      expect((await api.request('GET', '/health/ready')).status).toBe(200);
      const generation = readdirSync(`${api.dataDir}/read-models`).find((f) => f.endsWith('.sqlite'))!;
      const blocker = new Database(`${api.dataDir}/read-models/${generation}`);
      blocker.exec('BEGIN IMMEDIATE'); // another writer holds the lock: the projector's batch ends in SQLITE_BUSY
      let written: { body: { position: string } } | null = null;
      try {
        written = await post('/v1/funders', { name: 'Département du Rhône', kind: 'public' });
        const { waitFor } = await import('./support/processes');
        const down = await waitFor('readiness to report the projector', async () => {
          const res = await api.request('GET', '/health/ready');
          return res.status === 503 ? res : null;
        }, 20_000);
        expect(down.body.checks.projector).toEqual({ status: 'down', ms: expect.any(Number) });
        expect(down.text).not.toMatch(/SQLITE|locked|retrying/i);
        const metrics = await api.request('GET', '/metrics');
        expect(metrics.text).toMatch(/^cafeia_projector_up 0$/m);
        expect(metrics.text).toMatch(/^cafeia_projector_failures_total [1-9]/m);
        const admin = await get('/v1/admin/projections');
        expect(admin.body.projections[0]).toMatchObject({ state: 'retrying', error: expect.stringMatching(/locked|busy/i) });
      } finally {
        blocker.exec('ROLLBACK');
        blocker.close();
      }
      const fresh = await get(`/v1/progress?minPosition=${written!.body.position}`);
      expect(fresh.status).toBe(200);
      expect((await api.request('GET', '/health/ready')).status).toBe(200);
    }, 40_000);
  });
  describe('bodies', () => {
    it('answers 400 to deeply nested JSON inside the body limit, appending nothing', async () => {
      const before = await headPosition();
      const deep = '{"name":"x","kind":"public","extra":' + '['.repeat(5_000) + ']'.repeat(5_000) + '}';
      const res = await api.request('POST', '/v1/funders', { token: council, rawBody: deep });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.detail).toMatch(/nested deeper than 32/);
      expect(await headPosition()).toBe(before);
    });

    it('answers 415 to a form or a text body: the API is JSON only', async () => {
      const before = await headPosition();
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', 'name=F&kind=public'],
        ['text/plain', '{"name":"F","kind":"public"}'],
        ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nF\r\n--x--'],
      ]) {
        const res = await api.request('POST', '/v1/funders', { token: council, rawBody: body, headers: { 'content-type': type } });
        expect({ type, status: res.status }).toEqual({ type, status: 415 });
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(await headPosition()).toBe(before);
    });
  });
  describe('paths', () => {
    it('answers a long path parameter with the 400 of its field, and one past the router\'s limit with a 400 problem too', async () => {
      const before = await headPosition();
      const longEmail = `${'a'.repeat(300)}@example.org`;
      const res = await api.request('PUT', `/v1/access/${longEmail}`, { token: council, body: { role: 'council' }, headers: { 'idempotency-key': randomUUID() } });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('email');
      const beyond = await get(`/v1/cafes/${'c'.repeat(1_001)}`);
      expect(beyond.status).toBe(400);
      expect(beyond.headers.get('content-type')).toContain('application/problem+json');
      expect(beyond.body).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ field: 'path' }] });
      expect(await headPosition()).toBe(before);
    });

    it('answers a path that is not valid percent-encoding with a 400 problem', async () => {
      const res = await get('/v1/cafes/%E0%A4%A');
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.detail).toMatch(/percent-encoding/);
    });
  });
  describe('reads and people', () => {
    it('ranks every commune of a coordinator\'s region, not only those of the national top 500', async () => {
      const { Territories } = await import('@cafeia/territories');
      const territories = Territories.official();
      const inRegion = territories.departmentsOf('84').reduce((n, d) => n + territories.communesOf(d.code).length, 0);
      const coordinator = api.token({ role: 'coordinator', territory: 'region:84' });
      const first = await get('/v1/territories?level=commune&pageSize=500', coordinator);
      expect(first.status).toBe(200);
      expect(first.body.total).toBe(inRegion);
      expect(first.body.items).toHaveLength(500);
      expect(first.body.items[0].rank).toBe(1);
      const last = await get(`/v1/territories?level=commune&pageSize=500&page=${Math.ceil(inRegion / 500)}`, coordinator);
      expect(last.body.items.length).toBe(inRegion % 500 || 500);
      expect(last.body.items.every((t: { code: string }) => territories.commune(t.code) && territories.keysOf(t.code).includes('region:84'))).toBe(true);
    });

    it('counts a fullwidth email as the same person and refuses one with an invisible character', async () => {
      const s = await structure('69123');
      const cafe = await post('/v1/cafes', { structureId: s, title: 'IA', format: 'atelier', startsAt: '2026-06-01T18:00:00+02:00' });
      const plain = await post(`/v1/cafes/${cafe.body.id}/enrolments`, { participant: { email: 'zoe@example.org' } });
      const wide = await post(`/v1/cafes/${cafe.body.id}/enrolments`, { participant: { email: 'ｚｏｅ＠ｅｘａｍｐｌｅ．ｏｒｇ' } });
      expect(wide.body.participantId).toBe(plain.body.participantId);
      const hidden = await post(`/v1/cafes/${cafe.body.id}/enrolments`, { participant: { email: 'zoe\u200b@example.org' } });
      expect(hidden.status).toBe(400);
      expect(hidden.body.errors).toEqual([expect.objectContaining({ field: 'participant.email' })]);
    });
    it('records an attendance sheet of 300 new people, each registered and counted once, a person listed twice once', async () => {
      const s = await structure('69123');
      const cafe = await post('/v1/cafes', { structureId: s, title: 'Grand café', format: 'conference', startsAt: '2026-06-01T18:00:00+02:00' });
      const attendees = [...Array(300).keys()].map((i) => ({ email: `personne-${i}@example.org` }));
      const res = await post(`/v1/cafes/${cafe.body.id}/attendance`, { attendees: [...attendees, { email: 'PERSONNE-7@example.org' }] });
      expect(res.status).toBe(200);
      expect(new Set(res.body.participantIds).size).toBe(300);
      expect(res.body.attendedNamed).toBe(300);
      const read = await get(`/v1/cafes/${cafe.body.id}?minPosition=${res.body.position}`);
      expect(read.body).toMatchObject({ attendedNamed: 300, enrolled: 300 });
    }, 30_000);
  });
});
