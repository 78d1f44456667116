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

/** the JSON API's paths: JSON bodies only there (the web app's forms post elsewhere) */
export const isApiPath = (url: string): boolean => /^\/(v1|public|health|metrics|docs)(\/|\?|$)/.test(url);

/** media types each part accepts; a body of any other type is a 415 problem */
const API_TYPES = ['application/json'];
const WEB_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0].trim().toLowerCase();

/**
 * The API speaks JSON only: one parser for `application/json` (Fastify's own, with prototype-poisoning
 * protection, behind a depth limit); a form, a text or an unknown type sent to it is a 415 problem rather than
 * parsed into something the validators were not written for. The web app's pages take HTML forms
 * (urlencoded, multipart for files), and nothing else.
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
  fastify.addHook('onRequest', async (request) => {
    if (!METHODS_WITH_BODY.has(request.method)) return;
    const length = Number(request.headers['content-length'] ?? 0);
    const chunked = request.headers['transfer-encoding'] !== undefined;
    if (!(length > 0 || chunked)) return;
    const type = mediaType(request.headers['content-type']);
    const api = isApiPath(request.url);
    // a body-carrying request without a content type, or of a type this part does not take: a clear 415
    if (!(api ? API_TYPES : WEB_TYPES).includes(type)) {
      const detail = api ? 'Send JSON with Content-Type: application/json.' : 'Send the form as application/x-www-form-urlencoded or multipart/form-data.';
      throw new BodyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', detail);
    }
  });
}
