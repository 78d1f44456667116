import type { FastifyInstance } from 'fastify';
import { problem } from './problem';

/**
 * Which methods each registered path answers, so that a request for a path that exists with a method it does
 * not answer gets 405 with `Allow` (RFC 9110 §15.5.6) rather than 404. Fastify's router only says "no route".
 */
export class RouteMethods {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];
  private readonly byUrl = new Map<string, Set<string>>();

  add(method: string | string[], url: string): void {
    let methods = this.byUrl.get(url);
    if (!methods) {
      methods = new Set();
      this.byUrl.set(url, methods);
      this.routes.push({ pattern: routePattern(url), methods });
    }
    for (const m of [method].flat()) {
      methods.add(m.toUpperCase());
      if (m.toUpperCase() === 'GET') methods.add('HEAD'); // Fastify answers HEAD for every GET route
    }
  }

  /** the methods some route answers for this concrete path (query string ignored), sorted; empty when none */
  allowed(path: string): string[] {
    const [pathname] = path.split('?');
    const found = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(pathname)) route.methods.forEach((m) => found.add(m));
    return [...found].sort();
  }
}

/** `/v1/cafes/:id/enrolments/:enrolmentId` → a regex of concrete paths; `*` matches the rest; a trailing slash is ignored */
export function routePattern(url: string): RegExp {
  const source = url
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** Records every route Fastify registers from now on, and answers 405 + Allow where only the method is wrong. */
export function answerMethodNotAllowed(fastify: FastifyInstance): RouteMethods {
  const routes = new RouteMethods();
  fastify.addHook('onRoute', (route) => routes.add(route.method, route.url ?? route.path));
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    const allowed = routes.allowed(request.url);
    if (allowed.length === 0) return;
    const body = { ...problem(405, `${request.method} is not allowed here; allowed: ${allowed.join(', ')}.`, { code: 'method_not_allowed' }), instance: request.url };
    return reply.status(405).header('allow', allowed.join(', ')).header('content-type', 'application/problem+json; charset=utf-8').send(JSON.stringify(body));
  });
  return routes;
}
