import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ReadModelQueries } from '@cafeia/projections';
import { READ_MODELS } from '../../infrastructure/tokens';
import CsrfTokens from '@fastify/csrf';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../auth/principal';
import { ProblemException } from '../../http/problem';
import { currentUser } from './web-user';

/**
 * Pages need a signed-in session: the session's claims become the request's principal, so the same scope checks
 * and read services as the API's apply. Without a session: a 401 that the error filter turns into a redirect to
 * the sign-in page (and back here after).
 */
@Injectable()
export class SignedIn implements CanActivate {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const user = currentUser(request);
    if (!user) throw new ProblemException(401, 'Connectez-vous pour voir cette page.', { code: 'sign_in_required' });
    if (user.grantId && (await this.queries.accessGrant(user.grantId)) === null) {
      // the council revoked this email's access: the session ends here
      request.session.set('user', undefined);
      request.session.set('notice', 'Votre accès a été retiré par le Conseil national du numérique.');
      throw new ProblemException(401, 'Votre accès a été retiré.', { code: 'access_revoked' });
    }
    request.principal = user.claims;
    return true;
  }
}

const tokens: { verify(secret: string, token: string): boolean } = new CsrfTokens({});

/**
 * Every form post carries the session's CSRF token (`_csrf`, made by @fastify/csrf-protection for the page): a
 * page of another site cannot post in the user's name. Checked here with the same library, so that a refusal is
 * this API's 403 problem (a French page for a browser).
 */
@Injectable()
export class CsrfChecked implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { body?: { _csrf?: unknown }; query?: { _csrf?: unknown } }>();
    const secret = (request.session as unknown as Record<string, unknown> | undefined)?._csrf;
    const token = request.body?._csrf ?? request.query?._csrf ?? request.headers['x-csrf-token'];
    if (typeof secret !== 'string' || typeof token !== 'string' || !tokens.verify(secret, token)) {
      throw new ProblemException(403, 'Le formulaire a expiré ou ne vient pas de ce site : rechargez la page et recommencez.', { code: 'csrf' });
    }
    return true;
  }
}
