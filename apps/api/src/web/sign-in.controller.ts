import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AppConfig } from '@cafeia/config';
import { landingPage, signInPage } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import type { ReadModelQueries } from '@cafeia/projections';
import { AccessDirectory } from '../access/access-directory';
import { verifyToken } from '../auth/jwt';
import { notFoundProblem } from '../http/problem';
import { Public, type Principal } from '../auth/principal';
import { APP_CONFIG, READ_MODELS } from '../infrastructure/tokens';
import { OidcSignIn } from './oidc-sign-in';
import { CsrfChecked } from './session/web-guards';
import { currentUser, safeReturnTo } from './session/web-user';
import { SESSION_LIFETIME_MS } from './web-http';
import { landingOf, WebPages } from './web-pages';

/** Signing in with a token (the link printed by `npm run token -- --link`, or pasted), and signing out. */
@ApiExcludeController()
@Public()
@Controller()
export class SignInController {
  constructor(
    private readonly pages: WebPages,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidc: OidcSignIn,
    private readonly emails: AccessDirectory,
    @Inject(READ_MODELS) private readonly queries: ReadModelQueries,
  ) {}

  @Get('sign-in')
  signIn(@Query('returnTo') returnTo: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const user = currentUser(request);
    if (user) return reply.redirect(safeReturnTo(returnTo) === '/' ? landingOf(user.claims) : safeReturnTo(returnTo), 303);
    const notice = request.session.get('notice');
    if (notice) request.session.set('notice', undefined);
    const view = { csrfToken: this.pages.csrf(reply), returnTo: safeReturnTo(returnTo), notice, oidc: this.oidc.enabled };
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
      const view = { csrfToken: this.pages.csrf(reply), returnTo: safeReturnTo(body.returnTo), error: 'Ce jeton n’est pas valide ou a expiré. Demandez un nouveau lien de connexion.', oidc: this.oidc.enabled };
      return this.pages.send(request, reply, 'Se connecter', signInPage(view), { status: 401, scripts: [] });
    }
    // a new session id at sign-in: a session id planted before cannot be used to ride on this one
    await request.session.regenerate();
    const now = Date.now();
    request.session.set('user', { claims, expiresAtMs: Math.min((claims.exp ?? 0) * 1000, now + SESSION_LIFETIME_MS), via: 'link', signedInAt: new Date(now).toISOString() });
    const returnTo = safeReturnTo(body.returnTo);
    return reply.redirect(returnTo === '/' ? landingOf(claims) : returnTo, 303);
  }

  @Post('sign-in/oidc')
  @UseGuards(CsrfChecked)
  async signInWithOidc(@Body() body: { returnTo?: unknown }, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!this.oidc.enabled) throw notFoundProblem('La connexion par ProConnect n’est pas configurée ici.');
    const { url, attempt } = await this.oidc.start(request, safeReturnTo(body.returnTo));
    request.session.set('oidc', attempt);
    return reply.redirect(url, 303);
  }

  @Get('sign-in/callback')
  async oidcCallback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const attempt = request.session.get('oidc');
    const refuse = (error: string) =>
      this.pages.send(request, reply, 'Se connecter', signInPage({ csrfToken: this.pages.csrf(reply), returnTo: attempt?.returnTo ?? '/', error, oidc: this.oidc.enabled }), { status: 401 });
    if (!this.oidc.enabled || !attempt) return refuse('La connexion a expiré ou n’a pas été demandée depuis ce navigateur : recommencez.');
    request.session.set('oidc', undefined);
    let email: string;
    try {
      email = this.emails.normalise(await this.oidc.finish(request, attempt));
    } catch {
      return refuse('Le fournisseur d’identité n’a pas confirmé votre connexion : recommencez.');
    }
    const grantId = await this.emails.grantIdOf(email);
    const grant = await this.queries.accessGrant(grantId);
    if (!grant) return refuse('Cette adresse n’a pas encore d’accès : demandez-le au Conseil national du numérique.');
    await request.session.regenerate();
    const now = Date.now();
    const claims: Principal = {
      sub: `oidc:${grantId}`,
      role: grant.role as Principal['role'],
      ...(grant.territory ? { territory: grant.territory } : {}),
      ...(grant.funderId ? { funderId: grant.funderId } : {}),
      ...(grant.structureIds ? { structureIds: grant.structureIds } : {}),
      ...(grant.networkId ? { networkId: grant.networkId } : {}),
      exp: Math.floor((now + SESSION_LIFETIME_MS) / 1000),
    };
    request.session.set('user', { claims, expiresAtMs: now + SESSION_LIFETIME_MS, via: 'oidc', signedInAt: new Date(now).toISOString(), grantId });
    return reply.redirect(attempt.returnTo === '/' ? landingOf(claims) : attempt.returnTo, 303);
  }

  @Post('sign-out')
  @UseGuards(CsrfChecked)
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    await request.session.destroy();
    return reply.redirect('/sign-in', 303);
  }
}

export { landingPage };
