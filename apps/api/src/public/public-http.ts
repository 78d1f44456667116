import fastifyRateLimit from '@fastify/rate-limit';
import { ApiResponse } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@cafeia/config';
import { ProblemException } from '../http/problem';

/** what anyone may read without a token: the public API and the agenda pages */
export const isPublicPath = (url: string): boolean => /^\/(public|agenda)(\/|\?|$)/.test(url);
const isPublicApiPath = (url: string): boolean => /^\/public(\/|\?|$)/.test(url);

/** what the OpenAPI document says of the public operations' rate limit */
export const RateLimited = () =>
  ApiResponse({
    status: 429,
    description: 'Too many requests from this address (PUBLIC_RATE_LIMIT a minute): retry after Retry-After seconds',
    headers: { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } } },
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });

/** how long a public answer may be reused by browsers, calendars and caches in between */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/**
 * The public side's HTTP policy: any site may read the public API (`Access-Control-Allow-Origin: *`; no
 * credentials are involved), its answers are cacheable for a minute, and every public path (API and agenda
 * pages) is rate-limited per client address (PUBLIC_RATE_LIMIT a minute, in memory per instance) with a 429
 * problem and `Retry-After`. Behind a proxy, TRUST_PROXY makes the address the client's.
 */
export async function installPublicHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  if (config.publicRateLimit > 0) {
    await app.register(fastifyRateLimit as never, {
      global: true,
      max: config.publicRateLimit,
      timeWindow: 60_000,
      allowList: (request: { url: string }) => !isPublicPath(request.url),
      errorResponseBuilder: (_request: unknown, context: { ttl: number; max: number }) =>
        new ProblemException(429, `More than ${context.max} requests a minute from your address; retry in ${Math.max(1, Math.ceil(context.ttl / 1000))} s.`, {
          code: 'rate_limited',
          headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
        }),
    });
  }
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!isPublicApiPath(request.url)) return payload;
    void reply.header('access-control-allow-origin', '*');
    void reply.header('cache-control', reply.statusCode < 400 ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'no-store');
    return payload;
  });
}
