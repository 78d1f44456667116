import { request as httpRequest } from 'node:http';
import { POSITION_PATTERN } from '@cafeia/event-store';
import { ApiHarness, startApi } from './support/api-harness';

/** fetch() refuses TRACE: a plain HTTP request */
function raw(url: string, method: string): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * What the OpenAPI document promises and what the server does where the fuzzing of the contract
 * (test/contract/schemathesis.sh) found them apart, over real HTTP.
 */
describe('the API and its OpenAPI document', () => {
  let api: ApiHarness;
  let council: string;
  let document: any;

  beforeAll(async () => {
    api = await startApi();
    council = api.token({ role: 'council' });
    document = (await api.request('GET', '/docs-json')).body;
  });
  afterAll(() => api.close());

  const operations = () =>
    Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );

  describe('a method a path does not answer', () => {
    it('is a 405 problem naming the methods in Allow, not a 404', async () => {
      const res = await raw(`${api.url}/health/live`, 'TRACE');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 405, code: 'method_not_allowed', instance: '/health/live' });
    });

    it('is a 405 on a path with parameters too, whatever the token', async () => {
      const res = await api.request('PUT', '/v1/cafes/9b2f0a8e-6c1d-4e55-9a43-0f6f3c1d2e7b/cancel', { token: council, body: {} });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect((await api.request('DELETE', '/v1/progress')).headers.get('allow')).toBe('GET, HEAD');
    });

    it('leaves a path that no route has a 404', async () => {
      expect((await api.request('GET', '/v1/nothing-here', { token: council })).status).toBe(404);
      expect((await raw(`${api.url}/v1/nothing-here`, 'TRACE')).status).toBe(404);
    });
  });

  describe('inputs the document allows and the server used to fail on', () => {
    it('answers a timeline starting after its end (today, by default) with a 400 naming from, not a 500', async () => {
      const res = await api.request('GET', '/v1/progress/timeline?from=2027-12-31', { token: council });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    });

    it('answers a timeline of more buckets than it computes with a 400, not a 500', async () => {
      const res = await api.request('GET', '/v1/progress/timeline?granularity=day&from=2020-01-01&to=2035-12-31', { token: council });
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/buckets/);
    });

    it.each(['1e1', '0x10', ' 2', '2.5'])('refuses page=%p, which is not the integer the document asks for', async (page) => {
      const res = await api.request('GET', `/v1/cafes?page=${encodeURIComponent(page)}`, { token: council });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'page' })]));
    });

    it('still reads page=2 as a number', async () => {
      const res = await api.request('GET', '/v1/cafes?page=2&pageSize=10', { token: council });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 2, pageSize: 10 });
    });

    it('refuses a rebuild asked with wait other than true or false', async () => {
      expect((await api.request('POST', '/v1/admin/projections/rebuild?wait=soon', { token: council })).status).toBe(400);
    });

    it('counts the length of a text in characters (code points), as the document does', async () => {
      const funder = (name: string) => api.request('POST', '/v1/funders', { token: council, body: { name, kind: 'csr' } });
      expect((await funder('\ufe0f')).status).toBe(201);
      expect((await funder('😀'.repeat(200))).status).toBe(201);
      expect((await funder('😀'.repeat(201))).status).toBe(400);
      // 201 code points, of which a variation selector that the validator's own length used to leave out
      expect((await funder(`${'a'.repeat(200)}\ufe0f`)).status).toBe(400);
    });
  });

  describe('the document', () => {
    it('declares every path id as a UUID', () => {
      const ids = operations().flatMap(({ path, operation }) =>
        (operation.parameters ?? []).filter((p: any) => p.in === 'path' && /id$/i.test(p.name)).map((p: any) => ({ at: `${path} ${p.name}`, p })),
      );
      expect(ids.length).toBeGreaterThan(10);
      expect(ids.filter(({ p }) => !(p.schema.format === 'uuid' && p.required === true)).map(({ at }) => at)).toEqual([]);
    });

    it('gives minPosition the pattern positions are checked with', () => {
      const patterns = new Set(
        operations().flatMap(({ operation }) => (operation.parameters ?? []).filter((p: any) => p.name === 'minPosition').map((p: any) => p.schema.pattern)),
      );
      expect([...patterns]).toEqual([POSITION_PATTERN.source]);
    });

    it('declares the problems each operation can answer, as application/problem+json', () => {
      const cafes = document.paths['/v1/cafes'];
      expect(Object.keys(cafes.post.responses).sort()).toEqual(['201', '400', '401', '403', '409', '413', '415', '422']);
      expect(Object.keys(cafes.get.responses).sort()).toEqual(['200', '400', '401', '403', '503']);
      expect(Object.keys(document.paths['/health/live'].get.responses)).toEqual(['200']);
      expect(cafes.post.responses['422'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
      expect(cafes.get.responses['503'].headers['Retry-After']).toBeDefined();
    });

    it('asks a token of every operation but the public ones', () => {
      for (const { path, operation } of operations()) {
        const open = path.startsWith('/health') || path.startsWith('/public/');
        expect([path, operation.security]).toEqual([path, open ? undefined : [{ bearer: [] }]]);
      }
    });

    it('closes request bodies, nested ones included, as the validation refuses unknown fields', async () => {
      const schemas = document.components.schemas;
      expect(schemas.ScheduleCafeDto.additionalProperties).toBe(false);
      expect(schemas.ContactDto.additionalProperties).toBe(false);
      expect(schemas.WriteResult.additionalProperties).toBeUndefined();
      const res = await api.request('POST', '/v1/funders', { token: council, body: { name: 'F', kind: 'csr', colour: 'blue' } });
      expect(res.status).toBe(400);
    });

    it('links a creation to what can be done with it, reading the write with its position', () => {
      const links = document.paths['/v1/cafes'].post.responses['201'].links;
      expect(links.CafesReadController_one.parameters).toEqual({ 'path.id': '$response.body#/id', 'query.minPosition': '$response.body#/position' });
      expect(links.CafesWriteController_cancelEnrolment).toBeUndefined();
      const enrolled = document.paths['/v1/cafes/{id}/enrolments'].post.responses['201'].links;
      expect(enrolled.CafesWriteController_cancelEnrolment.parameters).toEqual({ 'path.enrolmentId': '$response.body#/id', 'path.id': '$request.path.id' });
    });
  });
});
