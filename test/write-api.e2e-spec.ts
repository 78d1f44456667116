import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signToken } from '../apps/api/src/auth/jwt';
import { ApiHarness, startApi } from './support/api-harness';

/** The write half of the public contract, over real HTTP, on real SQLite files. */
describe('write API (embedded default)', () => {
  let api: ApiHarness;
  let council: string;

  beforeAll(async () => {
    api = await startApi();
    council = api.token({ role: 'council' });
  });
  afterAll(() => api.close());

  const post = (path: string, body: unknown, token = council, headers: Record<string, string> = {}) =>
    api.request('POST', path, { token, body, headers });

  async function headPosition(): Promise<string | null> {
    const { EVENT_STORE } = await import('../apps/api/src/infrastructure/tokens');
    return api.app.get(EVENT_STORE).headPosition();
  }

  async function structure(communeCode = '69123') {
    const res = await post('/v1/structures', { name: 'Médiathèque de Lyon', kind: 'media_library', communeCode });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function cafe(structureId: string, startsAt = '2026-06-10T18:00:00+02:00', extra: Record<string, unknown> = {}) {
    const res = await post('/v1/cafes', { structureId, title: 'L’IA au quotidien', format: 'discussion', startsAt, ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  describe('authentication and scopes', () => {
    it('refuses a request without a token with a 401 problem', async () => {
      const res = await api.request('POST', '/v1/structures', { body: { name: 'x', kind: 'school', communeCode: '69123' } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
    });

    it('refuses a token signed with another secret and an expired token', async () => {
      const forged = signToken({ sub: 'x', role: 'council' }, 'another-secret-another-secret-123456');
      expect((await post('/v1/funders', { name: 'F', kind: 'public' }, forged)).status).toBe(401);
      const expired = signToken({ sub: 'x', role: 'council', exp: Math.floor(Date.now() / 1000) - 10 }, 'test-secret-0123456789-0123456789-abcdef');
      const res = await post('/v1/funders', { name: 'F', kind: 'public' }, expired);
      expect(res.status).toBe(401);
      expect(res.body.detail).toMatch(/expired/);
    });

    it('keeps a coordinator to their territory and a funder away from writes', async () => {
      const coordinator = api.token({ role: 'coordinator', territory: 'region:84' });
      expect((await post('/v1/structures', { name: 'Lyon', kind: 'school', communeCode: '69123' }, coordinator)).status).toBe(201);
      const outside = await post('/v1/structures', { name: 'Paris', kind: 'school', communeCode: '75056' }, coordinator);
      expect(outside.status).toBe(403);
      const funder = api.token({ role: 'funder', funderId: randomUUID() });
      expect((await post('/v1/structures', { name: 'Lyon', kind: 'school', communeCode: '69123' }, funder)).status).toBe(403);
    });

    it('lets an organizer act only on the cafés of their structures', async () => {
      const mine = await structure();
      const theirs = await structure();
      const organizer = api.token({ role: 'organizer', structureIds: [mine] });
      const ok = await post('/v1/cafes', { structureId: mine, title: 'Mon café', format: 'atelier', startsAt: '2026-07-01T18:00:00+02:00' }, organizer);
      expect(ok.status).toBe(201);
      const refused = await post('/v1/cafes', { structureId: theirs, title: 'Pas le mien', format: 'atelier', startsAt: '2026-07-01T18:00:00+02:00' }, organizer);
      expect(refused.status).toBe(403);
      const otherCafe = await cafe(theirs);
      expect((await post(`/v1/cafes/${otherCafe}/cancel`, { reason: 'no' }, organizer)).status).toBe(403);
    });
  });

  describe('creating with an id or an Idempotency-Key', () => {
    it('answers a retried creation as the first time and a reused id with another body with 409', async () => {
      const id = randomUUID();
      const body = { id, name: 'École Jules-Ferry', kind: 'school', communeCode: '13055' };
      const first = await post('/v1/structures', body);
      const again = await post('/v1/structures', body);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(first.body).toEqual({ id, position: expect.stringMatching(/^\d+$/) });
      const conflict = await post('/v1/structures', { ...body, name: 'Autre nom' });
      expect(conflict.status).toBe(409);
    });

    it('replays the same Idempotency-Key and refuses it with another body', async () => {
      const key = `key-${randomUUID()}`;
      const first = await post('/v1/funders', { name: 'Région', kind: 'public' }, council, { 'idempotency-key': key });
      const before = await headPosition();
      const again = await post('/v1/funders', { name: 'Région', kind: 'public' }, council, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await headPosition()).toBe(before);
      const other = await post('/v1/funders', { name: 'Autre', kind: 'public' }, council, { 'idempotency-key': key });
      expect(other.status).toBe(409);
    });
  });

  describe('cafés, enrolments and attendance', () => {
    it('gives the same enrolment back to the same person enrolling twice, however they type their email', async () => {
      const cafeId = await cafe(await structure());
      const first = await post(`/v1/cafes/${cafeId}/enrolments`, { participant: { email: 'Camille.Martin@Example.org', name: 'Camille' } });
      const second = await post(`/v1/cafes/${cafeId}/enrolments`, { participant: { email: '  camille.martin@example.org ' } });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ enrolmentId: expect.any(String), participantId: expect.any(String), position: expect.any(String) });
      expect(second.body.enrolmentId).toBe(first.body.enrolmentId);
      expect(second.body.participantId).toBe(first.body.participantId);
    });

    it('recognises a French phone in national form as the same person as in E.164', async () => {
      const cafeId = await cafe(await structure());
      const a = await post(`/v1/cafes/${cafeId}/enrolments`, { participant: { phone: '06 12 34 56 78' } });
      const b = await post(`/v1/cafes/${cafeId}/enrolments`, { participant: { phone: '+33612345678' } });
      expect(a.status).toBe(201);
      expect(b.body.participantId).toBe(a.body.participantId);
    });

    it('refuses attendance before the café starts and on a cancelled café, appending nothing', async () => {
      const structureId = await structure();
      const future = await cafe(structureId, '2026-09-01T18:00:00+02:00');
      const before = await headPosition();
      const early = await post(`/v1/cafes/${future}/attendance`, { anonymousCount: 4 });
      expect(early.status).toBe(422);
      expect(await headPosition()).toBe(before);
      expect((await post(`/v1/cafes/${future}/cancel`, { reason: 'salle indisponible' })).status).toBe(200);
      const enrolCancelled = await post(`/v1/cafes/${future}/enrolments`, { participant: { email: 'late@example.org' } });
      expect(enrolCancelled.status).toBe(422);
      expect((await post(`/v1/cafes/${future}/reschedule`, { startsAt: '2026-09-02T18:00:00+02:00' })).status).toBe(422);
    });

    it('records attendance, enrols people on the way, counts a person once and refuses to cancel afterwards', async () => {
      const cafeId = await cafe(await structure());
      const enrolled = await post(`/v1/cafes/${cafeId}/enrolments`, { participant: { email: 'a@example.org' } });
      const res = await post(`/v1/cafes/${cafeId}/attendance`, {
        attendees: [{ participantId: enrolled.body.participantId }, { email: 'b@example.org' }, { email: 'B@example.org' }, { phone: '06 98 76 54 32' }],
        anonymousCount: 3,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: cafeId, attendedNamed: 3, anonymous: 3 });
      const again = await post(`/v1/cafes/${cafeId}/attendance`, { attendees: [{ email: 'a@example.org' }], anonymousCount: 5 });
      expect(again.body).toMatchObject({ attendedNamed: 3, anonymous: 5 });
      const cancel = await post(`/v1/cafes/${cafeId}/cancel`, { reason: 'trop tard' });
      expect(cancel.status).toBe(422);
      expect(cancel.body.code).toEqual(expect.any(String));
    });

    it('records 50 concurrent attendance requests on one café: each person counted once, none lost', async () => {
      const cafeId = await cafe(await structure());
      const emails = Array.from({ length: 50 }, (_, i) => `person${i}@example.org`);
      const results = await Promise.all(emails.map((email) => post(`/v1/cafes/${cafeId}/attendance`, { attendees: [{ email }, { email: 'everyone@example.org' }] })));
      expect(results.map((r) => r.status)).toEqual(emails.map(() => 200));
      const last = await post(`/v1/cafes/${cafeId}/attendance`, { attendees: [{ email: 'person0@example.org' }] });
      expect(last.body.attendedNamed).toBe(51);
    });

    it('cancels an enrolment, and 404s an unknown one', async () => {
      const cafeId = await cafe(await structure(), '2026-08-01T18:00:00+02:00');
      const enrolled = await post(`/v1/cafes/${cafeId}/enrolments`, { participant: { email: 'cancel@example.org' } });
      const res = await api.request('DELETE', `/v1/cafes/${cafeId}/enrolments/${enrolled.body.enrolmentId}`, { token: council });
      expect(res.status).toBe(200);
      const unknown = await api.request('DELETE', `/v1/cafes/${cafeId}/enrolments/${randomUUID()}`, { token: council });
      expect(unknown.status).toBe(404);
    });
  });

  describe('animators, funders, fundings, targets', () => {
    it('follows the training steps: completed only after enrolled, enrolling again after dropped', async () => {
      const animator = await post('/v1/animators', { displayName: 'Camille D.', communeCode: '69381' });
      expect(animator.status).toBe(201);
      const id = animator.body.id;
      expect((await post(`/v1/animators/${id}/training`, { status: 'completed', capable: true })).status).toBe(422);
      expect((await post(`/v1/animators/${id}/training`, { status: 'enrolled' })).status).toBe(200);
      expect((await post(`/v1/animators/${id}/training`, { status: 'dropped' })).status).toBe(200);
      expect((await post(`/v1/animators/${id}/training`, { status: 'enrolled' })).status).toBe(200);
      expect((await post(`/v1/animators/${id}/training`, { status: 'completed', capable: true })).status).toBe(200);
      expect((await post(`/v1/animators/${randomUUID()}/training`, { status: 'enrolled' })).status).toBe(404);
    });

    it('grants a funding over existing structures, refusing from after to', async () => {
      const funder = await post('/v1/funders', { name: 'Fondation', kind: 'csr' });
      const structureId = await structure();
      const refused = await post('/v1/fundings', { funderId: funder.body.id, structureIds: [structureId], from: '2026-12-31', to: '2026-01-01' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
      const funding = await post('/v1/fundings', { funderId: funder.body.id, structureIds: [structureId], from: '2026-01-01', to: '2026-12-31', amountEuros: 15000, targets: { people: 500 } });
      expect(funding.status).toBe(201);
      const added = await post(`/v1/fundings/${funding.body.id}/structures`, { structureId: await structure() });
      expect(added.status).toBe(200);
      const unknownStructure = await post('/v1/fundings', { funderId: funder.body.id, structureIds: [randomUUID()], from: '2026-01-01', to: '2026-12-31' });
      expect(unknownStructure.status).toBe(422);
      expect(unknownStructure.body.errors[0].field).toBe('structureIds[0]');
    });

    it('lets only the council set a territory target, on an existing territory', async () => {
      const res = await api.request('PUT', '/v1/territories/region/84/target', { token: council, body: { people: 250000 } });
      expect(res.status).toBe(200);
      expect(res.body.position).toMatch(/^\d+$/);
      expect((await api.request('PUT', '/v1/territories/region/999/target', { token: council, body: { people: 1 } })).status).toBe(404);
      const coordinator = api.token({ role: 'coordinator', territory: 'region:84' });
      expect((await api.request('PUT', '/v1/territories/region/84/target', { token: coordinator, body: { people: 1 } })).status).toBe(403);
    });
  });

  describe('bad input gets a problem naming the field and appends nothing', () => {
    it.each([
      ['malformed JSON', '/v1/structures', '{"name": ', undefined],
      ['an array body', '/v1/structures', '[]', '(body)'],
      ['a wrong type', '/v1/structures', JSON.stringify({ name: 42, kind: 'school', communeCode: '69123' }), 'name'],
      ['an unknown enum value', '/v1/structures', JSON.stringify({ name: 'X', kind: 'castle', communeCode: '69123' }), 'kind'],
      ['an unknown commune', '/v1/structures', JSON.stringify({ name: 'X', kind: 'school', communeCode: '99999' }), 'communeCode'],
      ['a delegated commune', '/v1/structures', JSON.stringify({ name: 'X', kind: 'school', communeCode: '01039' }), 'communeCode'],
      ['an unknown field', '/v1/structures', JSON.stringify({ name: 'X', kind: 'school', communeCode: '69123', admin: true }), 'admin'],
      ['a malformed id', '/v1/structures', JSON.stringify({ id: 'not-a-uuid', name: 'X', kind: 'school', communeCode: '69123' }), 'id'],
      ['a date that does not parse', '/v1/cafes', JSON.stringify({ structureId: randomUUID(), title: 'T', format: 'f', startsAt: '2026-02-30T10:00:00Z' }), 'startsAt'],
      ['an instant without offset', '/v1/cafes', JSON.stringify({ structureId: randomUUID(), title: 'T', format: 'f', startsAt: '2026-03-01T10:00:00' }), 'startsAt'],
      ['a fractional capacity', '/v1/cafes', JSON.stringify({ structureId: randomUUID(), title: 'T', format: 'f', startsAt: '2026-03-01T10:00:00Z', capacity: 2.5 }), 'capacity'],
      ['a negative amount', '/v1/fundings', JSON.stringify({ funderId: randomUUID(), structureIds: [randomUUID()], from: '2026-01-01', to: '2026-02-01', amountEuros: -5 }), 'amountEuros'],
      ['a malformed date', '/v1/fundings', JSON.stringify({ funderId: randomUUID(), structureIds: [randomUUID()], from: '01/01/2026', to: '2026-02-01' }), 'from'],
    ])('%s → 400', async (_what, path, rawBody, field) => {
      const before = await headPosition();
      const res = await api.request('POST', path, { token: council, rawBody, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await headPosition()).toBe(before);
    });

    it('names invalid emails, phones and counts in attendance, appending nothing', async () => {
      const cafeId = await cafe(await structure());
      const before = await headPosition();
      const cases: [unknown, string][] = [
        [{ attendees: [{ email: 'not-an-email' }] }, 'attendees[0].email'],
        [{ attendees: [{ phone: '12' }] }, 'attendees[0].phone'],
        [{ anonymousCount: -1 }, 'anonymousCount'],
        [{ anonymousCount: 1.5 }, 'anonymousCount'],
        [{ attendees: [{ participantId: 'x' }] }, 'attendees[0].participantId'],
        [{}, 'attendees'],
      ];
      for (const [body, field] of cases) {
        const res = await post(`/v1/cafes/${cafeId}/attendance`, body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const enrol = await post(`/v1/cafes/${cafeId}/enrolments`, { participant: { name: 'No contact' } });
      expect(enrol.status).toBe(400);
      expect(await headPosition()).toBe(before);
    });

    it('refuses an oversized body with 413 and a path id that is not a UUID with 400', async () => {
      const huge = JSON.stringify({ name: 'x'.repeat(200_000), kind: 'school', communeCode: '69123' });
      const res = await api.request('POST', '/v1/structures', { token: council, rawBody: huge });
      expect(res.status).toBe(413);
      expect(res.body.status).toBe(413);
      const badId = await post('/v1/cafes/123/cancel', { reason: 'x' });
      expect(badId.status).toBe(400);
      expect(badId.body.errors[0].field).toBe('id');
    });

    it('answers 404 for an unknown café', async () => {
      const res = await post(`/v1/cafes/${randomUUID()}/attendance`, { anonymousCount: 1 });
      expect(res.status).toBe(404);
    });
  });

  describe('right to erasure', () => {
    it('leaves no clear personal data of the person anywhere in DATA_DIR, and keeps every count', async () => {
      const cafeId = await cafe(await structure());
      const email = `erase.me.${randomUUID().slice(0, 8)}@example.org`;
      const attended = await post(`/v1/cafes/${cafeId}/attendance`, { attendees: [{ email }] });
      expect(attended.body.attendedNamed).toBe(1);
      const participantId = attended.body.participantIds[0];
      const erased = await api.request('DELETE', `/v1/participants/${participantId}`, { token: council });
      expect(erased.status).toBe(200);
      const after = await post(`/v1/cafes/${cafeId}/attendance`, { anonymousCount: 0 });
      expect(after.body.attendedNamed).toBe(1);
      const files = readdirSync(api.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
      expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['events.db', 'keys.db']));
      for (const entry of files) {
        const file = join(entry.parentPath, entry.name);
        const bytes = readFileSync(file);
        expect({ file, found: bytes.includes(Buffer.from(email)) }).toEqual({ file, found: false });
        expect({ file, found: bytes.includes(Buffer.from(email, 'utf16le')) }).toEqual({ file, found: false });
      }
    });
  });

  describe('event metadata', () => {
    it('records the actor, the correlation id, the time, the schema version and the chain hash on every event', async () => {
      const id = randomUUID();
      const organizerless = api.token({ role: 'council', sub: 'alice@cnnum' });
      const res = await api.request('POST', '/v1/structures', {
        token: organizerless,
        body: { id, name: 'Université de Lille', kind: 'university', communeCode: '59350' },
        headers: { 'x-correlation-id': 'corr-4242' },
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-correlation-id')).toBe('corr-4242');
      const { EVENT_STORE } = await import('../apps/api/src/infrastructure/tokens');
      const [event] = await api.app.get(EVENT_STORE).readStream(`structure-${id}`);
      expect(event).toMatchObject({
        type: 'StructureRegistered',
        position: res.body.position,
        data: { structureId: id, name: 'Université de Lille', kind: 'university', communeCode: '59350', siret: null },
        metadata: {
          correlationId: 'corr-4242',
          causationId: null,
          actor: { sub: 'alice@cnnum', role: 'council' },
          recordedAt: '2026-06-15T12:00:00.000Z',
          schemaVersion: 2,
          chainHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      });
    });
  });

  describe('operations', () => {
    it('serves health, metrics and the OpenAPI document without a token', async () => {
      expect((await api.request('GET', '/health/live')).status).toBe(200);
      const ready = await api.request('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.checks.eventStore.status).toBe('up');
      const metrics = await api.request('GET', '/metrics');
      expect(metrics.text).toContain('cafeia_http_requests_total');
      expect(metrics.text).toContain('cafeia_events_appended_total');
      const docs = await api.request('GET', '/docs-json');
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/structures', '/v1/cafes/{id}/attendance', '/v1/fundings']));
      expect(docs.body.components.schemas.ScheduleCafeDto.properties.startsAt).toBeTruthy();
    });
  });
});
