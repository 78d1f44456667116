import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IMPORT_UPLOAD } from '../imports/import-upload';

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
 * The one API route whose body is a file rather than JSON (`POST /v1/imports`): it takes exactly its media types,
 * as raw bytes, up to its own limit; every other API route keeps JSON and the global limit.
 */
export interface UploadRoute {
  method: string;
  path: string;
  types: readonly string[];
  bodyLimit: number;
}
export const UPLOAD_ROUTES: readonly UploadRoute[] = [IMPORT_UPLOAD];

const pathOf = (url: string): string => url.split('?')[0].replace(/\/+$/, '') || '/';

export const uploadRouteOf = (method: string, url: string): UploadRoute | undefined =>
  UPLOAD_ROUTES.find((route) => route.method === method && pathOf(url) === route.path);

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} Mo`;

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
  // upload routes: the bytes as one Buffer (within the route's limit, set on the route below), no parsing here
  const uploadTypes = [...new Set(UPLOAD_ROUTES.flatMap((route) => route.types))];
  const uploadLimit = Math.max(...UPLOAD_ROUTES.map((route) => route.bodyLimit));
  fastify.addContentTypeParser(uploadTypes, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request: FastifyRequest, body: string | Buffer, done) => {
    done(null, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  });
  // Fastify applies the route's bodyLimit (not the parser's): raise it on the upload routes only
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const upload = UPLOAD_ROUTES.find((u) => methods.includes(u.method as never) && pathOf(route.url) === u.path);
    if (upload) route.bodyLimit = upload.bodyLimit;
  });
  fastify.addHook('onRequest', async (request) => {
    if (!METHODS_WITH_BODY.has(request.method)) return;
    const length = Number(request.headers['content-length'] ?? 0);
    const chunked = request.headers['transfer-encoding'] !== undefined;
    if (!(length > 0 || chunked)) return;
    const type = mediaType(request.headers['content-type']);
    const upload = uploadRouteOf(request.method, request.url);
    if (upload) {
      if (!upload.types.includes(type)) {
        throw new BodyError(415, 'CAFEIA_UPLOAD_MEDIA_TYPE', `Envoyez le fichier lui-même comme corps de la requête, avec Content-Type: ${upload.types.join(' ou ')}.`);
      }
      // refused before a byte is read when the size is declared; a chunked upload stops at the limit (Fastify's 413)
      if (length > upload.bodyLimit) {
        throw new BodyError(413, 'CAFEIA_UPLOAD_TOO_LARGE', `Le fichier dépasse ${megabytes(upload.bodyLimit)}. Découpez-le en plusieurs fichiers plus petits.`);
      }
      return;
    }
    const api = isApiPath(request.url);
    // a body-carrying request without a content type, or of a type this part does not take: a clear 415
    if (!(api ? API_TYPES : WEB_TYPES).includes(type)) {
      const detail = api ? 'Send JSON with Content-Type: application/json.' : 'Send the form as application/x-www-form-urlencoded or multipart/form-data.';
      throw new BodyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', detail);
    }
  });
}
