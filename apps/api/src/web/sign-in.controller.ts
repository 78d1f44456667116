import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AppConfig } from '@cafeia/config';
import { landingPage, signInPage } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import { verifyToken } from '../auth/jwt';
import { Public } from '../auth/principal';
import { APP_CONFIG } from '../infrastructure/tokens';
import { CsrfChecked } from './session/web-guards';
import { currentUser, safeReturnTo } from './session/web-user';
import { SESSION_IDLE_MS } from './web-http';
import { landingOf, WebPages } from './web-pages';

/** Signing in with a token (the link printed by `npm run token -- --link`, or pasted), and signing out. */
@ApiExcludeController()
@Public()
@Controller()
export class SignInController {
  constructor(private readonly pages: WebPages, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('sign-in')
  signIn(@Query('returnTo') returnTo: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const user = currentUser(request);
    if (user) return reply.redirect(safeReturnTo(returnTo) === '/' ? landingOf(user.claims) : safeReturnTo(returnTo), 303);
    const notice = request.session.get('notice');
    if (notice) request.session.set('notice', undefined);
    const view = { csrfToken: this.pages.csrf(reply), returnTo: safeReturnTo(returnTo), notice, oidc: this.config.oidc !== null };
    return this.pages.send(request, reply, 'Se connecter', signInPage(view), { scripts: ['/assets/app/sign-in.js'] });
  }

  @Post('sign-in')
  @UseGuards(CsrfChecked)
  async signInWithToken(@Body() body: { token?: unknown; returnTo?: unknown }, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    let claims;
    try {
      claims = verifyToken(token, this.config.authSecret);
    } catch {
      const view = { csrfToken: this.pages.csrf(reply), returnTo: safeReturnTo(body.returnTo), error: 'Ce jeton n’est pas valide ou a expiré. Demandez un nouveau lien de connexion.', oidc: this.config.oidc !== null };
      return this.pages.send(request, reply, 'Se connecter', signInPage(view), { status: 401, scripts: [] });
    }
    // a new session id at sign-in: a session id planted before cannot be used to ride on this one
    await request.session.regenerate();
    const now = Date.now();
    request.session.set('user', { claims, expiresAtMs: Math.min((claims.exp ?? 0) * 1000, now + SESSION_IDLE_MS), via: 'link', signedInAt: new Date(now).toISOString() });
    const returnTo = safeReturnTo(body.returnTo);
    return reply.redirect(returnTo === '/' ? landingOf(claims) : returnTo, 303);
  }

  @Post('sign-out')
  @UseGuards(CsrfChecked)
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await request.session.destroy();
    return reply.redirect('/sign-in', 303);
  }
}

export { landingPage };
