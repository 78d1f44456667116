import type { FastifyInstance, FastifyRequest } from 'fastify';

/** deeper than this, a JSON body is refused: no field of the contract nests more than a few levels */
export const MAX_JSON_DEPTH = 32;

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

class BodyError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** the nesting depth of a JSON text, counted outside strings, stopping as soon as it exceeds `max` */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * The API speaks JSON only: one parser for `application/json` (Fastify's own, with prototype-poisoning
 * protection, behind a depth limit), none for anything else, so that a form, a text or an unknown type is
 * a 415 problem rather than parsed into something the validators were not written for.
 */
export function installJsonBodyParsing(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(new BodyError(400, 'CAFEIA_JSON_TOO_DEEP', `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  // a body-carrying request without any content type gets a clear 415 rather than being read as nothing
  fastify.addHook('onRequest', async (request) => {
    if (!METHODS_WITH_BODY.has(request.method)) return;
    const length = Number(request.headers['content-length'] ?? 0);
    const chunked = request.headers['transfer-encoding'] !== undefined;
    if ((length > 0 || chunked) && !request.headers['content-type']) {
      throw new BodyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Send JSON with Content-Type: application/json.');
    }
  });
}
