import type {
  OpenAPIObject,
  LinkObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { ERROR_DESCRIPTIONS, PROBLEM_SCHEMAS } from './problem-schemas';

/** What the route metadata says about an operation that the generated document does not (keyed by operationId). */
export interface RouteFacts {
  /** `@Public()`: no token, so never 401 or 403 */
  isPublic: boolean;
}

export interface DocumentAdditions {
  routes: ReadonlyMap<string, RouteFacts>;
  /** the `Idempotency-Key` header every write honours */
  idempotencyKeyPattern?: RegExp;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof METHODS)[number];
const PROBLEM_JSON = 'application/problem+json';

/**
 * Completes the document that @nestjs/swagger builds from the controllers and DTOs with what it cannot see:
 * the error answers each operation can give (from its method, its inputs and whether it is public), the bearer
 * scheme on every non-public operation, `additionalProperties: false` on request bodies (the validation pipe
 * refuses unknown fields), and links from each creation to the operations on what it created.
 */
export function completeDocument(document: OpenAPIObject, additions: DocumentAdditions): OpenAPIObject {
  const doc: OpenAPIObject = structuredClone(document);
  doc.components ??= {};
  doc.components.schemas = { ...doc.components.schemas, ...PROBLEM_SCHEMAS };
  const scheme = Object.keys(doc.components.securitySchemes ?? {})[0];

  const requestSchemas = new Set<string>();
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const facts = factsOf(additions.routes, operation.operationId);
      const isWrite = method !== 'get';
      if (facts.isPublic || !scheme) delete operation.security;
      else operation.security = [{ [scheme]: [] }];
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      // a query or path value is text: "nullable" (from an optional DTO field) means nothing there
      for (const parameter of parameters) if (parameter.schema) delete (parameter.schema as SchemaObject).nullable;
      if (isWrite && !facts.isPublic && additions.idempotencyKeyPattern && !parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')) {
        parameters.push({
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'the same key with the same body answers as the first time; with another body: 409',
          schema: { type: 'string', pattern: additions.idempotencyKeyPattern.source },
        });
      }
      if (parameters.length > 0) operation.parameters = parameters;
      const body = operation.requestBody as RequestBodyObject | undefined;
      for (const media of Object.values(body?.content ?? {}) as { schema?: SchemaObject | ReferenceObject }[]) collectRefs(media.schema, requestSchemas);

      const statuses = new Set([...errorStatuses({ method, parameters, hasBody: body !== undefined, isPublic: facts.isPublic }), ...declaredClientErrors(operation)]);
      for (const status of statuses) declareProblem(operation, status);
    }
  }
  closeRequestSchemas(doc, requestSchemas);
  addCreationLinks(doc);
  return doc;
}

/** a handler served at several paths (`@Get(['a', 'b'])`) has one operation per path, ids suffixed `[0]`, `[1]`… */
function factsOf(routes: ReadonlyMap<string, RouteFacts>, operationId: string | undefined): RouteFacts {
  const id = operationId ?? '';
  return routes.get(id) ?? routes.get(id.replace(/\[\d+\]$/, '')) ?? { isPublic: false };
}

/** The error statuses an operation can answer, from what it takes and who may call it. */
export function errorStatuses({ method, parameters, hasBody, isPublic }: { method: Method; parameters: ParameterObject[]; hasBody: boolean; isPublic: boolean }): number[] {
  const statuses = new Set<number>();
  const hasPathParameter = parameters.some((p) => p.in === 'path');
  if (hasBody || parameters.length > 0) statuses.add(400);
  if (!isPublic) [401, 403].forEach((s) => statuses.add(s));
  if (hasPathParameter) statuses.add(404);
  if (method !== 'get' && !isPublic) {
    statuses.add(409); // a concurrent change, or an id / Idempotency-Key reused with another body
    if (hasBody || hasPathParameter) statuses.add(422); // a domain rule refusing the command
  }
  if (hasBody) [413, 415].forEach((s) => statuses.add(s));
  if (parameters.some((p) => p.in === 'query' && p.name === 'minPosition')) statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

/**
 * The 4xx a handler declares itself (`@ApiNotFoundResponse` where a query parameter names a resource: no path
 * parameter tells the rules above); every 4xx of the API is a problem too.
 */
function declaredClientErrors(operation: OperationObject): number[] {
  return Object.keys(operation.responses).map(Number).filter((status) => status >= 400 && status < 500);
}

function declareProblem(operation: OperationObject, status: number): void {
  const existing = operation.responses[status] as ResponseObject | undefined;
  const response: ResponseObject = {
    ...existing,
    description: existing?.description || ERROR_DESCRIPTIONS[status],
    content: { [PROBLEM_JSON]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  if (status === 503) response.headers = { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } };
  if (status === 401) response.headers = { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } };
  operation.responses[status] = response;
}

function collectRefs(schema: SchemaObject | ReferenceObject | undefined, into: Set<string>): void {
  if (!schema) return;
  const ref = (schema as ReferenceObject).$ref;
  if (ref) {
    into.add(ref.replace('#/components/schemas/', ''));
    return;
  }
  const s = schema as SchemaObject;
  [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].forEach((sub) => collectRefs(sub, into));
  if (s.items) collectRefs(s.items, into);
  Object.values(s.properties ?? {}).forEach((sub) => collectRefs(sub, into));
}

/** request DTOs, and the DTOs nested in them, refuse unknown fields (`forbidNonWhitelisted`) */
function closeRequestSchemas(doc: OpenAPIObject, roots: Set<string>): void {
  const schemas = doc.components!.schemas as Record<string, SchemaObject>;
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    const schema = schemas[name];
    if (seen.has(name) || !schema || schema.type !== 'object') continue;
    seen.add(name);
    schema.additionalProperties = false;
    const nested = new Set<string>();
    Object.values(schema.properties ?? {}).forEach((sub) => collectRefs(sub, nested));
    queue.push(...nested);
  }
}

/**
 * A creation (`POST /v1/cafes` answering 201 with `{id, position}`) links to every operation under the path of
 * what it created (`/v1/cafes/{id}`, `/v1/cafes/{id}/cancel`, …): the new id fills the parameter that follows,
 * the creation's own path parameters fill theirs, and the write's position becomes `minPosition`, so that a
 * client following the link reads its own write (API.md "Conventions").
 */
function addCreationLinks(doc: OpenAPIObject): void {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method]! })),
  );
  for (const creation of operations) {
    const created = creation.operation.responses['201'] as ResponseObject | undefined;
    if (creation.method !== 'post' || !created) continue;
    const prefix = `${creation.path}/{`;
    const links: Record<string, LinkObject> = {};
    for (const target of operations) {
      if (!target.path.startsWith(prefix) || !target.operation.operationId) continue;
      const newParameter = target.path.slice(prefix.length).split('}')[0];
      const known = pathParameters(creation.path);
      // only where the creation fills every path parameter of the target
      if (pathParameters(target.path).some((name) => name !== newParameter && !known.includes(name))) continue;
      const parameters: Record<string, string> = { [`path.${newParameter}`]: '$response.body#/id' };
      for (const name of known) parameters[`path.${name}`] = `$request.path.${name}`;
      const targetParameters = (target.operation.parameters ?? []) as ParameterObject[];
      if (targetParameters.some((p) => p.in === 'query' && p.name === 'minPosition')) parameters['query.minPosition'] = '$response.body#/position';
      links[target.operation.operationId] = { operationId: target.operation.operationId, parameters };
    }
    if (Object.keys(links).length > 0) created.links = { ...created.links, ...links };
  }
}

const pathParameters = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
