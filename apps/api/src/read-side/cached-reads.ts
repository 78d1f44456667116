import type { FastifyInstance } from 'fastify';
import { verifyToken } from '../auth/jwt';
import type { CallerScope, Freshness } from './freshness';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A read already answered in the last half second (the read cache, see Freshness) is sent by the HTTP server's last
 * hook before the route's handler — after every request hook (the public API's rate limit, the correlation id),
 * before the framework's guard, validation and interceptors: a dashboard polled by many coordinators then costs a
 * token check and a map lookup, and keeps answering fast while writes take the process.
 *
 * What it may send is exactly what the full pipeline would: an entry exists only for a URL and caller scope that
 * went through `Freshness.serve` (guard, roles, validation and the handler's scope checks passed for that same
 * role and scope), and the token is verified here as the guard verifies it. Anything else — no token, a token
 * that does not verify, a `minPosition` the entry is older than, no entry — goes on to the pipeline unchanged,
 * where it gets its answer or its problem. The reply hooks (CORS and cache headers of the public API, metrics) run
 * on what it sends as on any answer.
 */
export function installCachedReads(fastify: FastifyInstance, fresh: Freshness, authSecret: string): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET') return;
    const url = request.url;
    const publicRead = url.startsWith('/public/v1/');
    if (!publicRead && !url.startsWith('/v1/')) return;
    let caller: CallerScope | undefined;
    if (!publicRead) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (!match) return;
      try {
        caller = verifyToken(match[1], authSecret);
      } catch {
        return;
      }
    }
    const answer = fresh.cached(url, caller);
    if (!answer) return;
    void reply.header('x-read-model-position', answer.position).type(JSON_TYPE);
    return reply.send(answer.json);
  });
}
