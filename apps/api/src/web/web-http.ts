import { createHmac } from 'node:crypto';
import { dirname, join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@cafeia/config';
import { isApiPath } from '../http/body-parsing';
import { IMPORT_MAX_BYTES } from '../imports/import-upload';
import type { KyselySessionStore } from './session/session-store';

/** how long a web session lives from signing in (a token’s own expiry ends it earlier) */
export const SESSION_LIFETIME_MS = 8 * 3_600_000;
export const SESSION_COOKIE = 'cafeia_session';

const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/**
 * What the web app needs from the HTTP server: HTML forms, a server-side session in an HttpOnly, SameSite=Lax
 * cookie (Secure behind TLS), CSRF tokens, security headers on pages, and its assets — every one served by the app
 * itself (the State design system, the chart library, its own script and styles), none from another origin.
 */
export async function installWebHttp(app: NestFastifyApplication, config: AppConfig, sessions: KyselySessionStore): Promise<void> {
  await app.register(fastifyFormbody as never, { bodyLimit: config.bodyLimitBytes });
  // a page's file (the import page): streamed to the handler that asks for it, one file, bounded as the API's upload
  // (the API's paths refuse multipart before this parser is reached: see installJsonBodyParsing)
  await app.register(fastifyMultipart as never, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });
  await app.register(fastifyCookie as never);
  await app.register(fastifyHelmet as never, {
    global: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // the map colours its territories with one small <style> element per page; DSFR sets a few inline styles
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'", ...(config.oidc ? [new URL(config.oidc.issuer).origin] : [])],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  // pages get the security headers; the JSON API and the OpenAPI UI keep theirs
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url)) await (reply as unknown as { helmet: () => Promise<void> }).helmet();
  });
  // the State design system and the charts, from their packages; the app's own script and styles
  await app.register(fastifyStatic as never, { root: join(packageDir('@gouvfr/dsfr'), 'dist'), prefix: '/assets/dsfr/', decorateReply: false, maxAge: '7d' });
  await app.register(fastifyStatic as never, { root: join(packageDir('uplot'), 'dist'), prefix: '/assets/uplot/', decorateReply: false, maxAge: '7d' });
  await app.register(fastifyStatic as never, { root: join(__dirname, 'assets'), prefix: '/assets/app/', decorateReply: false, maxAge: '1h' });
  // no asset reads or writes a session (the cookie is ignored before the session plugin sees it): a font requested by
  // the sign-in page and answered after signing in must not clear the new cookie, and assets cost no session lookup
  fastify.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/') && request.cookies) delete request.cookies[SESSION_COOKIE];
  });
  // the JSON API authenticates by bearer token and never reads a session: its requests skip the plugin (a new session,
  // its id generated and signed, on every request otherwise; with no session its onSend has nothing to do)
  const restoreAddHook = skipApiPathsInOnRequestHooks(fastify);
  await app.register(fastifySession as never, {
    cookieName: SESSION_COOKIE,
    // its own key, derived from the token secret (which is at least 32 bytes)
    secret: createHmac('sha256', config.authSecret).update('web-session-cookie').digest('base64url'),
    store: sessions,
    saveUninitialized: false,
    // not rolling: a session lasts from sign-in, and a response to a request still in flight from before signing in
    // (a font, an icon) must not put the old cookie back over the new one
    rolling: false,
    // Lax, not Strict: the identity provider's return and a link followed from a webmail must find the session;
    // writes are guarded by CSRF tokens, and Lax never sends the cookie on another site's POST. Secure over TLS.
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_LIFETIME_MS },
  });
  restoreAddHook();
  await app.register(fastifyCsrf as never, {
    sessionPlugin: '@fastify/session',
    // a multipart form (a file) cannot be read before the check: its token comes in the query string
    getToken: (request: { body?: { _csrf?: string }; query?: { _csrf?: string }; headers: Record<string, unknown> }) =>
      request.body?._csrf ?? request.query?._csrf ?? (request.headers['x-csrf-token'] as string | undefined),
  });
}

type OnRequestHook = (this: unknown, request: { url: string }, reply: unknown, done: (error?: Error) => void) => void;

/**
 * While a plugin registers, its callback-style `onRequest` hooks are wrapped to pass the API's paths by; returns the
 * function that puts `addHook` back. (A plugin made with fastify-plugin adds its hooks to every route, pages and API.)
 */
function skipApiPathsInOnRequestHooks(fastify: unknown): () => void {
  const target = fastify as unknown as { addHook: (name: string, hook: unknown) => unknown };
  const addHook = target.addHook;
  target.addHook = function (this: unknown, name: string, hook: unknown) {
    if (name === 'onRequest' && typeof hook === 'function' && hook.length === 3 && hook.constructor.name !== 'AsyncFunction') {
      const original = hook as OnRequestHook;
      const wrapped: OnRequestHook = function (this: unknown, request, reply, done) {
        if (isApiPath(request.url)) return done();
        return original.call(this, request, reply, done);
      };
      return addHook.call(this, name, wrapped);
    }
    return addHook.call(this, name, hook);
  };
  return () => {
    target.addHook = addHook;
  };
}
