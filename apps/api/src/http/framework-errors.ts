import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem';

/**
 * The longest path parameter the router hands to a route (Fastify's default is 100). Longer than every maxLength
 * the document declares for one (an email, 254), so that a long parameter reaches the route's validation and gets
 * the 400 naming it; a longer one still is refused by the router, as a problem too (see answerFrameworkErrors).
 */
export const MAX_PATH_PARAM_LENGTH = 1_000;

/**
 * What Fastify's router refuses before any route runs — a path segment that is not valid percent-encoding, a path
 * parameter longer than MAX_PATH_PARAM_LENGTH — answered as a 400 problem (RFC 9457) rather than Fastify's own
 * JSON (and its 414, which the document does not declare). Passed as Fastify's `frameworkErrors` option.
 */
export function answerFrameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `A segment of the path is longer than ${MAX_PATH_PARAM_LENGTH} characters.`
      : error.code === 'FST_ERR_BAD_URL'
        ? 'The path is not valid percent-encoding (RFC 3986).'
        : 'The request could not be routed.';
  const body = { ...problem(400, detail, { code: 'invalid_request', errors: [{ field: 'path', message: detail }] }), instance: request.url };
  void reply.status(400).header('content-type', 'application/problem+json; charset=utf-8').send(JSON.stringify(body));
}
