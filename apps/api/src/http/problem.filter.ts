import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@cafeia/domain';
import { ConcurrencyRetriesExhaustedError, WrongExpectedVersionError } from '@cafeia/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidTokenError } from '../auth/jwt';
import { errorPage, page } from '@cafeia/web';
import { isApiPath } from './body-parsing';
import { problem, ProblemBody, ProblemException } from './problem';

const DOMAIN_STATUS = { rule: 422, conflict: 409, not_found: 404 } as const;

/** The one place where errors become HTTP: every failure is `application/problem+json`, never a bare 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { body, headers } = this.toProblem(exception);
    if (exception instanceof ProblemException && body.status >= 500) {
      // a 5xx the API chose to answer (a read model behind a minPosition, a store not ready): documented, retried by
      // the client, no stack to read
      this.logger.warn({ msg: 'request refused', method: request.method, url: request.url, status: body.status, code: body.code });
    } else if (body.status >= 500) {
      this.logger.error({ msg: 'request failed', method: request.method, url: request.url, status: body.status, error: describe(exception) });
    }
    body.instance = request.url;
    if (!isApiPath(request.url) && (request.headers.accept ?? '').includes('text/html')) {
      // a browser on a page: a sign-in redirect or an error page in French, never a JSON problem
      if (body.status === 401) {
        void reply.redirect(`/sign-in?returnTo=${encodeURIComponent(request.url)}`, 303);
        return;
      }
      const detail = body.status >= 500 ? 'Une erreur inattendue est survenue ; elle a été enregistrée. Réessayez dans un instant.' : webDetail(body);
      void reply
        .status(body.status)
        .headers(headers)
        .header('content-type', 'text/html; charset=utf-8')
        .send(page({ title: 'Erreur', viewer: null, main: errorPage(body.status, detail) }).value);
      return;
    }
    void reply
      .status(body.status)
      .headers(headers)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): { body: ProblemBody; headers: Record<string, string> } {
    if (exception instanceof ProblemException) {
      return { body: { ...(exception.getResponse() as ProblemBody) }, headers: exception.headers };
    }
    if (exception instanceof DomainError) {
      const errors = exception.field ? [{ field: exception.field, message: exception.message }] : undefined;
      return { body: problem(DOMAIN_STATUS[exception.kind], exception.message, { code: exception.code, errors }), headers: {} };
    }
    if (exception instanceof WrongExpectedVersionError || exception instanceof ConcurrencyRetriesExhaustedError) {
      return {
        body: problem(409, 'The resource was changed by another request at the same time; retry.', { code: 'concurrency_conflict' }),
        headers: { 'retry-after': '1' },
      };
    }
    if (exception instanceof InvalidTokenError) {
      return { body: problem(401, exception.message, { code: 'invalid_token' }), headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return { body: problem(status, Array.isArray(message) ? message.join('; ') : String(message ?? exception.message)), headers: {} };
    }
    // Errors raised by Fastify itself before our code runs (malformed JSON, body too large, media type).
    const fastify = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      return { body: problem(fastify.statusCode, fastifyDetail(fastify), { code: fastifyCode(fastify) }), headers: {} };
    }
    return { body: problem(500, 'An unexpected error occurred; it has been logged.'), headers: {} };
  }
}

function fastifyCode(error: { statusCode?: number; code?: string }): string | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'malformed_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    default:
      return undefined;
  }
}

function fastifyDetail(error: { code?: string; message?: string }): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The body is not valid JSON.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is empty; send a JSON object.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The body is larger than the limit of this API.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send JSON with Content-Type: application/json.';
    default:
      return error.message ?? 'Invalid request.';
  }
}

/** the problem's detail when it was written for a person (French), else a plain sentence by status */
function webDetail(body: ProblemBody): string {
  if (/[àâçéèêëîïôûùüÿœ’]/i.test(body.detail)) return body.detail;
  const generic: Record<number, string> = {
    400: 'La demande contient une valeur incorrecte.',
    403: 'Cette page ne fait pas partie de ce que votre accès permet de voir.',
    404: 'Cette page n’existe pas, ou plus.',
    409: 'Une autre modification a eu lieu en même temps : rechargez la page et recommencez.',
    413: 'Le fichier est trop volumineux.',
    415: 'Ce format n’est pas accepté.',
    422: 'Cette action n’est pas possible dans l’état actuel.',
    429: 'Trop de demandes en peu de temps : patientez un instant.',
    503: 'Le service se met à jour : réessayez dans quelques secondes.',
  };
  return generic[body.status] ?? 'La demande n’a pas pu aboutir.';
}

const describe = (e: unknown) => (e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : e);
