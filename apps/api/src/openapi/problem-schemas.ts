import type { SchemaObject } from '@nestjs/swagger';
import { PROBLEM_BASE } from '../http/problem';

/** RFC 9457 problem details, as `http/problem.ts` builds them. */
export const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  FieldError: {
    type: 'object',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', description: 'the invalid field, dotted for nested ones (participant.email, attendees[2])', example: 'communeCode' },
      message: { type: 'string' },
    },
  },
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri', example: `${PROBLEM_BASE}invalid_request` },
      title: { type: 'string', example: 'Invalid request' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
      code: { type: 'string', description: 'a stable, machine-readable code: the last segment of type', example: 'invalid_request' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
      instance: { type: 'string', description: 'the path and query of the request', example: '/v1/cafes' },
    },
  },
};

/** What each error status means in this API (API.md "Conventions"). */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'malformed or invalid input; `errors` names each invalid field',
  401: 'no token, or a token that is not valid',
  403: 'outside the caller’s role or scope',
  404: 'no such resource',
  409: 'conflict: a concurrent change (retry), or an id or Idempotency-Key reused with another body',
  413: 'the body is larger than the limit',
  415: 'the body is not JSON',
  422: 'a domain rule refuses the command; nothing was recorded',
  503: 'the read models have not applied minPosition yet (after waiting 5 s); retry after Retry-After seconds',
};
