import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@cafeia/config';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../infrastructure/tokens';
import type { OidcAttempt } from './session/web-user';

type OpenIdClient = typeof import('openid-client');
type Configuration = import('openid-client').Configuration;

/**
 * Signing in with OpenID Connect (ProConnect-compatible: authorization code, PKCE S256, state and nonce) through
 * `openid-client`. It is ESM-only: loaded by `import()` (Node 20.20 also requires ES modules without top-level
 * await, which is what the compiled CommonJS does).
 */
@Injectable()
export class OidcSignIn {
  private configuration: Promise<Configuration> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  private client(): Promise<OpenIdClient> {
    return import('openid-client');
  }

  private async discovered(): Promise<{ oidc: OpenIdClient; configuration: Configuration }> {
    const oidc = await this.client();
    const { issuer, clientId, clientSecret } = this.config.oidc!;
    // an http issuer only ever on a developer's machine or in the test suite
    const insecure = issuer.startsWith('http://');
    this.configuration ??= oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined).catch((error) => {
      this.configuration = null;
      throw error;
    });
    return { oidc, configuration: await this.configuration };
  }

  /** where the provider sends the browser back */
  redirectUri(request: FastifyRequest): string {
    const base = this.config.publicUrl ?? `${request.protocol}://${request.headers.host}`;
    return `${base}/sign-in/callback`;
  }

  /** the provider's authorization URL, and what the session must keep to check the answer */
  async start(request: FastifyRequest, returnTo: string): Promise<{ url: string; attempt: OidcAttempt }> {
    const { oidc, configuration } = await this.discovered();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const attempt: OidcAttempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier, returnTo };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(request),
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { url: url.href, attempt };
  }

  /** the email the provider vouches for, after checking state, nonce and PKCE */
  async finish(request: FastifyRequest, attempt: OidcAttempt): Promise<string> {
    const { oidc, configuration } = await this.discovered();
    const current = new URL(request.url, this.redirectUri(request));
    const tokens = await oidc.authorizationCodeGrant(configuration, current, { pkceCodeVerifier: attempt.codeVerifier, expectedState: attempt.state, expectedNonce: attempt.nonce });
    const email = tokens.claims()?.email;
    if (typeof email !== 'string' || email === '') throw new Error('the provider gave no email');
    return email;
  }
}
