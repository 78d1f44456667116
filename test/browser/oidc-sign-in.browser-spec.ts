import type { Browser } from 'playwright-core';
import { ApiHarness, startApi } from '../support/api-harness';
import { startOidcProvider, type RunningOidcProvider } from '../support/oidc';
import { freePort } from '../support/processes';
import { closeBrowser, expectNoSeriousA11yViolations, launchBrowser, newRoleContext } from './support/browser';

/**
 * Signing in with OpenID Connect against a real local provider (oidc-provider, in its own process): the role is the
 * one the council granted to the email (`PUT /v1/access/{email}`), an email without a grant is turned away, and a
 * revoked grant ends the session at the next page.
 */
describe('signing in with OpenID Connect', () => {
  let provider: RunningOidcProvider;
  let api: ApiHarness;
  let browser: Browser;
  let council: string;

  beforeAll(async () => {
    const port = await freePort();
    provider = await startOidcProvider({ clientId: 'cafeia-web', clientSecret: 'a-client-secret-for-tests-only', redirectUri: `http://127.0.0.1:${port}/sign-in/callback` });
    api = await startApi({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'cafeia-web', OIDC_CLIENT_SECRET: 'a-client-secret-for-tests-only', PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
    council = api.token({ role: 'council' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await closeBrowser(browser);
    await api?.close();
    await provider?.stop();
  });

  async function signInAs(email: string) {
    const session = await newRoleContext(browser, 'oidc');
    const page = session.page;
    await page.goto(`${api.url}/sign-in`);
    await page.click('button.fr-connect');
    await page.waitForSelector('input[type="email"], input[name="email"]');
    await page.fill('input[type="email"], input[name="email"]', email);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.origin === api.url);
    await page.waitForLoadState('load');
    return session;
  }

  it('gives the email the role the council granted, and lands it on its page', async () => {
    const grant = await api.request('PUT', '/v1/access/Camille.Coordination@Example.org', { token: council, body: { role: 'coordinator', territory: 'region:53' } });
    expect(grant.status).toBe(200);
    await api.request('GET', `/v1/progress?minPosition=${grant.body.position}`, { token: council });
    const session = await signInAs('camille.coordination@example.org');
    expect(new URL(session.page.url()).pathname).toBe('/territoires/region/53');
    expect(await session.page.locator('h1').textContent()).toContain('Bretagne');
    // the email is nowhere in the log in clear
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${api.dataDir}/events.db`, { readonly: true });
    const rows = db.prepare(`select data from events where type = 'AccessGranted'`).all() as { data: string }[];
    db.close();
    expect(rows.length).toBe(1);
    expect(rows[0].data.toLowerCase()).not.toContain('camille');

    // revoked: the next page goes back to sign-in, saying why
    const revoke = await api.request('DELETE', '/v1/access/camille.coordination@example.org', { token: council });
    await api.request('GET', `/v1/progress?minPosition=${revoke.body.position}`, { token: council });
    await session.page.goto(`${api.url}/territoires/region/53`);
    expect(new URL(session.page.url()).pathname).toBe('/sign-in');
    expect(await session.page.textContent('main')).toContain('Votre accès a été retiré');
    await session.close();
  });

  it('turns away an email the council has not granted', async () => {
    const session = await signInAs('personne@example.org');
    expect(new URL(session.page.url()).pathname).toBe('/sign-in/callback');
    expect(await session.page.locator('.fr-alert--error').textContent()).toContain('pas encore d’accès');
    await expectNoSeriousA11yViolations(session.page);
    await session.close();
  });
});
