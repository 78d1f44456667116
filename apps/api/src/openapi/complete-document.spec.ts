import type { OpenAPIObject } from '@nestjs/swagger';
import { completeDocument, errorStatuses } from './complete-document';

const path = (name: string) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' as const } });
const query = (name: string) => ({ name, in: 'query' as const, required: false, schema: { type: 'string' as const, nullable: true } });

describe('the error answers an operation declares', () => {
  it('never gives a read 409 or 422, and gives 503 where it waits for minPosition', () => {
    expect(errorStatuses({ method: 'get', parameters: [path('id'), query('minPosition')], hasBody: false, isPublic: false })).toEqual([400, 401, 403, 404, 503]);
  });

  it('gives a command with a body every refusal it can meet', () => {
    expect(errorStatuses({ method: 'post', parameters: [], hasBody: true, isPublic: false })).toEqual([400, 401, 403, 409, 413, 415, 422]);
  });

  it('never gives a public route 401 or 403, nor 400 when it takes nothing', () => {
    expect(errorStatuses({ method: 'get', parameters: [], hasBody: false, isPublic: true })).toEqual([]);
  });

  it('gives a command without body nor path (a rebuild) no domain refusal', () => {
    expect(errorStatuses({ method: 'post', parameters: [query('wait')], hasBody: false, isPublic: false })).toEqual([400, 401, 403, 409]);
  });
});

describe('completing a generated document', () => {
  const generated = (): OpenAPIObject => ({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Enrol: { type: 'object', properties: { participant: { $ref: '#/components/schemas/Contact' } } },
        Contact: { type: 'object', properties: { email: { type: 'string' } } },
        Written: { type: 'object', properties: { id: { type: 'string' } } },
      },
    },
    paths: {
      '/v1/cafes/{id}/enrolments': {
        post: {
          operationId: 'Cafes_enrol',
          parameters: [path('id')],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Enrol' } } } },
          responses: { '201': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Written' } } } } },
        },
      },
      '/v1/cafes/{id}/enrolments/{enrolmentId}': {
        delete: { operationId: 'Cafes_cancelEnrolment', parameters: [path('id'), path('enrolmentId')], responses: { '200': { description: '' } } },
      },
      '/health/live': { get: { operationId: 'Health_live', responses: { '200': { description: '' } } } },
      // a query parameter naming a resource: the handler declares the 404 itself
      '/v1/breakdowns': {
        get: {
          operationId: 'Breakdowns_breakdown',
          parameters: [query('network')],
          responses: { '200': { description: '' }, '404': { description: 'no network has the id given as network' } },
        },
      },
      // one handler at two paths (`@Get(['places.csv', 'structures.csv'])`): swagger suffixes the ids
      '/public/places.csv': { get: { operationId: 'Open_places[0]', responses: { '200': { description: '' } } } },
      '/public/structures.csv': { get: { operationId: 'Open_places[1]', responses: { '200': { description: '' } } } },
    },
  });
  const routes = new Map([
    ['Cafes_enrol', { isPublic: false }],
    ['Cafes_cancelEnrolment', { isPublic: false }],
    ['Health_live', { isPublic: true }],
    ['Breakdowns_breakdown', { isPublic: false }],
    ['Open_places', { isPublic: true }],
  ]);
  const completed = completeDocument(generated(), { routes, idempotencyKeyPattern: /^[\x21-\x7e]{1,200}$/ });

  it('leaves the generated document as it was', () => {
    const original = generated();
    completeDocument(original, { routes });
    expect(original).toEqual(generated());
  });

  it('asks the bearer token of private operations only', () => {
    expect(completed.paths['/v1/cafes/{id}/enrolments'].post!.security).toEqual([{ bearer: [] }]);
    expect(completed.paths['/health/live'].get!.security).toBeUndefined();
    expect(Object.keys(completed.paths['/health/live'].get!.responses)).toEqual(['200']);
  });

  it('knows a public handler served at several paths as public at each', () => {
    for (const path of ['/public/places.csv', '/public/structures.csv']) {
      expect(completed.paths[path].get!.security).toBeUndefined();
      expect(Object.keys(completed.paths[path].get!.responses)).toEqual(['200']);
    }
  });

  it('closes the request body and what it nests, not the answers', () => {
    const schemas = completed.components!.schemas as Record<string, { additionalProperties?: boolean }>;
    expect([schemas.Enrol.additionalProperties, schemas.Contact.additionalProperties, schemas.Written.additionalProperties]).toEqual([false, false, undefined]);
  });

  it('makes a 404 the handler declares without a path parameter a problem, keeping its description', () => {
    const responses = completed.paths['/v1/breakdowns'].get!.responses as Record<string, { description: string; content?: Record<string, unknown> }>;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(responses['404']).toEqual({ description: 'no network has the id given as network', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
  });

  it('declares the Idempotency-Key header on writes', () => {
    const header = (completed.paths['/v1/cafes/{id}/enrolments'].post!.parameters as { name: string; in: string }[]).find((p) => p.in === 'header');
    expect(header).toMatchObject({ name: 'Idempotency-Key', schema: { pattern: '^[\\x21-\\x7e]{1,200}$' } });
  });

  it('links a creation to the operations on what it created, with every path parameter filled', () => {
    const created = completed.paths['/v1/cafes/{id}/enrolments'].post!.responses['201'] as { links: Record<string, { parameters: Record<string, string> }> };
    expect(created.links.Cafes_cancelEnrolment.parameters).toEqual({ 'path.enrolmentId': '$response.body#/id', 'path.id': '$request.path.id' });
  });
});
