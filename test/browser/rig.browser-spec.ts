import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startOidcProvider, RunningOidcProvider } from '../support/oidc';
import {
  closeBrowser,
  collectFigures,
  expectKeyboardNavigation,
  expectNoSeriousA11yViolations,
  figuresByName,
  launchBrowser,
  newRoleContext,
  screenshot,
  screenshotName,
} from './support/browser';
import { PageServer, servePages } from './support/page-server';

// The rig's self-test: the browser, axe, the figure and keyboard helpers and the OIDC provider each do their
// job here, on pages made for the purpose, and the helpers that must fail a bad page do fail it.

const html = (title: string, body: string, lang = 'fr') =>
  `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font-family:sans-serif;color:#161616} a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #0a76f6}</style>` +
  `</head><body>${body}</body></html>`;

const ACCESSIBLE = html(
  'Tableau de bord national – Café IA',
  `<header><a href="#contenu">Aller au contenu</a></header>
   <main id="contenu">
     <h1>Tableau de bord national</h1>
     <p>Personnes touchées : <strong data-figure="people-reached" data-value="1234567">1 234 567</strong></p>
     <p>Cafés tenus en Île-de-France : <strong data-figure="cafes-held" data-value="89">89</strong></p>
     <form><label for="q">Rechercher un département</label><input id="q" name="q" type="search">
       <button type="submit">Rechercher</button></form>
   </main>`,
);

// every fault here is one axe ranks serious or critical
const INACCESSIBLE = html(
  'Page inaccessible',
  `<main><h1>Page inaccessible</h1>
     <img src="/carte.png">
     <input type="text">
     <button></button>
     <p style="color:#ccc;background:#fff">Texte presque invisible</p></main>`,
  '',
);

// focus lands on a div, and nothing shows where it is
const KEYBOARD_HOSTILE = html(
  'Navigation au clavier impossible',
  `<style>*:focus, *:focus-visible { outline: none !important }</style><main><h1>Clavier</h1><div tabindex="0">Cliquez ici</div><a href="/accessible">Suite</a></main>`,
);

const CLIENT_ID = 'cafeia-web-test';
const CLIENT_SECRET = 'test-client-secret-0123456789';

let browser: Browser;
let site: PageServer;
let provider: RunningOidcProvider | undefined;
let shots: string;

beforeAll(async () => {
  shots = mkdtempSync(join(tmpdir(), 'cafeia-shots-'));
  site = await servePages({
    '/accessible': ACCESSIBLE,
    '/inaccessible': INACCESSIBLE,
    '/keyboard-hostile': KEYBOARD_HOSTILE,
    '/callback': html('Retour de connexion', '<main><h1>Retour de connexion</h1></main>'),
    '/remember': (request, response) => {
      response.writeHead(200, { 'set-cookie': 'seen=yes; Path=/; HttpOnly', 'content-type': 'text/plain' });
      response.end(request.headers.cookie ?? '');
    },
    '/cookies': (request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(request.headers.cookie ?? '(none)');
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await provider?.stop();
  await closeBrowser(browser);
  await site?.stop();
  rmSync(shots, { recursive: true, force: true });
});

describe('the browser', () => {
  it('renders a local page and reads every figure it shows', async () => {
    const session = await newRoleContext(browser, 'national');
    try {
      await session.page.goto(`${site.url}/accessible`);
      expect(await session.page.locator('h1').textContent()).toBe('Tableau de bord national');
      expect(await session.page.title()).toBe('Tableau de bord national – Café IA');
      const figures = await collectFigures(session.page);
      expect(figures).toEqual([
        { figure: 'people-reached', value: '1234567', text: '1 234 567' },
        { figure: 'cafes-held', value: '89', text: '89' },
      ]);
      expect(figuresByName(figures)).toEqual({ 'people-reached': '1234567', 'cafes-held': '89' });
    } finally {
      await session.close();
    }
  });

  it('speaks French and keeps each role in its own context: a cookie set for one is not sent for another', async () => {
    const council = await newRoleContext(browser, 'council');
    const funder = await newRoleContext(browser, 'funder');
    try {
      expect(await council.page.evaluate('navigator.language')).toBe('fr-FR');
      await council.page.goto(`${site.url}/remember`);
      const councilCookies = await council.page.goto(`${site.url}/cookies`);
      expect(await councilCookies?.text()).toBe('seen=yes');
      const funderCookies = await funder.page.goto(`${site.url}/cookies`);
      expect(await funderCookies?.text()).toBe('(none)');
    } finally {
      await council.close();
      await funder.close();
    }
  });

  it('saves a full-page PNG named by page and role', async () => {
    const session = await newRoleContext(browser, 'Conseil départemental');
    try {
      await session.page.goto(`${site.url}/accessible`);
      const path = await screenshot(session.page, screenshotName('national', session.role), { dir: shots });
      expect(path).toBe(join(shots, 'national-conseil-departemental.png'));
      const png = readFileSync(path);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(1280); // IHDR width: the context's viewport
    } finally {
      await session.close();
    }
  });

  it('names screenshots in lowercase ASCII words joined by hyphens', () => {
    expect(screenshotName('national', 'council')).toBe('national-council');
    expect(screenshotName('Île-de-France', 'Financeur / État')).toBe('ile-de-france-financeur-etat');
  });

  it('a figure shown twice with two values is reported', () => {
    expect(() =>
      figuresByName([
        { figure: 'cafes-held', value: '89', text: '89' },
        { figure: 'cafes-held', value: '90', text: '90' },
      ]),
    ).toThrow('data-figure="cafes-held" is shown with two values: "89" and "90"');
  });
});

describe('accessibility checks', () => {
  it('an accessible page passes axe', async () => {
    const session = await newRoleContext(browser, 'a11y');
    try {
      await session.page.goto(`${site.url}/accessible`);
      await expect(expectNoSeriousA11yViolations(session.page)).resolves.toBeUndefined();
    } finally {
      await session.close();
    }
  });

  it('an inaccessible page fails with its rules, targets and help URLs', async () => {
    const session = await newRoleContext(browser, 'a11y');
    try {
      await session.page.goto(`${site.url}/inaccessible`);
      const failure = await expectNoSeriousA11yViolations(session.page).then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(failure).toContain('serious or critical accessibility violation(s)');
      expect(failure).toContain('- image-alt (critical): Images must have alternative text');
      expect(failure).toContain('- html-has-lang (serious)');
      expect(failure).toContain('- button-name (critical)');
      expect(failure).toContain('    img');
      expect(failure).toMatch(/https:\/\/dequeuniversity\.com\/rules\/axe\/[\d.]+\/image-alt/);
    } finally {
      await session.close();
    }
  });

  it('Tab walks the links, fields and buttons of a page, each with a visible focus', async () => {
    const session = await newRoleContext(browser, 'keyboard');
    try {
      await session.page.goto(`${site.url}/accessible`);
      const stops = await expectKeyboardNavigation(session.page, { minStops: 3 });
      expect(stops.map((stop) => `${stop.element} ${stop.name}`)).toEqual(['a Aller au contenu', 'input[type=search] Rechercher un département', 'button Rechercher']);
    } finally {
      await session.close();
    }
  });

  it('a focus on a non-interactive element with no visible indicator fails the keyboard check', async () => {
    const session = await newRoleContext(browser, 'keyboard');
    try {
      await session.page.goto(`${site.url}/keyboard-hostile`);
      const failure = await expectKeyboardNavigation(session.page).then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(failure).toContain('stop 1: <div> "Cliquez ici"');
      expect(failure).toContain('focus lands on an element that is not a link, button or form field');
      expect(failure).toMatch(/stop 2: <a> "Suite" \(.*\): no visible focus indicator/);
    } finally {
      await session.close();
    }
  });
});

describe('the local OpenID Connect provider', () => {
  const redirectUri = () => `${site.url}/callback`;

  beforeAll(async () => {
    provider = await startOidcProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: redirectUri() });
  });

  it('publishes its discovery document with code flow, S256 PKCE and the email scope', async () => {
    const response = await fetch(`${provider!.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as {
      issuer: string;
      response_types_supported: string[];
      code_challenge_methods_supported: string[];
      scopes_supported: string[];
      claims_supported: string[];
    };
    expect(discovery.issuer).toBe(provider!.issuer);
    expect(discovery.response_types_supported).toContain('code');
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email']));
    expect(discovery.claims_supported).toContain('email');
  });

  it('signs a person in by email through the browser and gives the relying party their email claim', async () => {
    // openid-client 6 is ESM-only: a real dynamic import (see jest.config.js)
    const oidc = await import('openid-client');
    const config = await oidc.discovery(new URL(provider!.issuer), CLIENT_ID, CLIENT_SECRET, undefined, { execute: [oidc.allowInsecureRequests] });
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(),
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });

    const session = await newRoleContext(browser, 'oidc');
    try {
      await session.page.goto(authorizationUrl.href);
      await expectNoSeriousA11yViolations(session.page);
      await session.page.getByLabel('Adresse électronique').fill('Camille.Martin@Example.fr');
      await session.page.getByRole('button', { name: 'Se connecter' }).click();
      await session.page.waitForURL(`${redirectUri()}?**`);
      const landing = new URL(session.page.url());
      expect(landing.searchParams.get('state')).toBe(state);

      const tokens = await oidc.authorizationCodeGrant(config, landing, { pkceCodeVerifier: verifier, expectedState: state });
      expect(tokens.claims()).toMatchObject({ iss: provider!.issuer, aud: CLIENT_ID, sub: 'camille.martin@example.fr', email: 'camille.martin@example.fr' });
    } finally {
      await session.close();
    }
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(`${provider!.issuer}/auth`);
    url.search = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: redirectUri(), response_type: 'code', scope: 'openid email' }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const back = new URL(response.headers.get('location') ?? '', provider!.issuer);
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri());
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('a person who cancels the sign-in is sent back with access_denied', async () => {
    const oidc = await import('openid-client');
    const config = await oidc.discovery(new URL(provider!.issuer), CLIENT_ID, CLIENT_SECRET, undefined, { execute: [oidc.allowInsecureRequests] });
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(),
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const session = await newRoleContext(browser, 'oidc');
    try {
      await session.page.goto(authorizationUrl.href);
      await session.page.getByRole('button', { name: 'Annuler' }).click();
      await session.page.waitForURL(`${redirectUri()}?**`);
      expect(new URL(session.page.url()).searchParams.get('error')).toBe('access_denied');
    } finally {
      await session.close();
    }
  });

  it('stops when asked and no longer answers', async () => {
    const second = await startOidcProvider({ clientId: 'other', clientSecret: 'other-secret', redirectUri: redirectUri() });
    const discovery = `${second.issuer}/.well-known/openid-configuration`;
    expect((await fetch(discovery)).status).toBe(200);
    await second.stop();
    await expect(fetch(discovery)).rejects.toThrow();
  });
});
