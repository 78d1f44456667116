import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../auth/principal';

/** who a web session belongs to: the claims of the token or the access grant they signed in with */
export interface WebUser {
  claims: Principal;
  /** the token's expiry, or the session's: whichever comes first */
  expiresAtMs: number;
  via: 'link' | 'oidc';
  signedInAt: string;
  /** OpenID Connect: the access grant it came from (re-checked on every page: a revoked grant ends the session) */
  grantId?: string;
}

export interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

declare module 'fastify' {
  interface Session {
    user?: WebUser;
    oidc?: OidcAttempt;
    /** a one-time message for the next page (e.g. "your session expired") */
    notice?: string;
  }
}

/** the signed-in user of the request, or null; an expired session is emptied and says so on the sign-in page */
export function currentUser(request: FastifyRequest, nowMs = Date.now()): WebUser | null {
  const session = (request as { session?: FastifyRequest['session'] }).session;
  const user = session?.get('user');
  if (!user) return null;
  if (user.expiresAtMs <= nowMs) {
    session!.set('user', undefined);
    session!.set('notice', 'Votre session a expiré : reconnectez-vous.');
    return null;
  }
  return user;
}

/** a path of this site to go back to after signing in (never another origin) */
export const safeReturnTo = (value: unknown): string => (typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/sign-') ? value : '/');
