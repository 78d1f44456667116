import type { Browser, Page } from 'playwright-core';
import { ApiHarness, startApi } from '../support/api-harness';
import { closeBrowser, expectNoSeriousA11yViolations, launchBrowser, signedInContext, RoleSession, screenshot } from './support/browser';

/**
 * « Importer un fichier » in a real browser: an organizer signed in by link sends an attendance sheet with one bad
 * row, reads the dry run's report (the bad row's line and column, nothing recorded), imports it for real, and the
 * café's counts then equal `GET /v1/cafes/{id}`. Axe passes every page; the whole path works without JavaScript.
 */
const SLOW = 120_000;

describe('importing a file in a browser', () => {
  let api: ApiHarness;
  let browser: Browser;
  let council: string;
  let organizerToken: string;
  let organizer: RoleSession;
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown) => api.ok('POST', path, { token: council, body });
  const apiGet = (path: string, token: string) => api.ok('GET', path, { token });
  const figure = async (page: Page, name: string) => page.getAttribute(`main [data-figure="${name}"]`, 'data-value');
  const upload = (page: Page, name: string, text: string) => page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  /** the job's page reloads itself (meta refresh) until the job ends; then `?minPosition=` of its last write */
  const untilEnded = async (page: Page) => {
    await page.locator('[data-status="done"], [data-status="failed"]').waitFor({ timeout: 30_000 });
    const id = new URL(page.url()).pathname.split('/').pop()!;
    return `minPosition=${(await apiGet(`/v1/imports/${id}`, council)).position}`;
  };

  beforeAll(async () => {
    // the pages wait for their own writes; the API's half-second read cache does not have to (no minPosition), so
    // the checks below that read the API right after a page's write would see the previous answer: no cache here
    api = await startApi({ CLOCK: '2026-06-15T12:00:00Z', READ_CACHE_MS: '0' });
    council = api.token({ role: 'council' });
    ids.rennes = (await post('/v1/structures', { name: 'Médiathèque des Champs Libres', kind: 'media_library', communeCode: '35238' })).id;
    const cafe = await post('/v1/cafes', { structureId: ids.rennes, title: 'L’IA au quotidien', format: 'atelier', startsAt: '2026-06-10T18:00:00+02:00' });
    ids.cafe = cafe.id;
    await apiGet(`/v1/cafes/${cafe.id}?minPosition=${cafe.position}`, council);
    organizerToken = api.token({ role: 'organizer', structureIds: [ids.rennes], sub: 'organizer-rennes' });
    browser = await launchBrowser();
    organizer = await signedInContext(browser, api.url, 'organizer', organizerToken);
  });
  afterAll(async () => {
    await organizer?.close();
    await closeBrowser(browser);
    await api?.close();
  });

  it('checks an attendance sheet in a dry run (its bad row by line and column, nothing recorded), imports it, and the café’s counts are the API’s', async () => {
    const page = organizer.page;
    expect(new URL(page.url()).pathname).toBe('/mes-cafes');
    await page.click('a:has-text("Importer un fichier")');
    expect(new URL(page.url()).pathname).toBe('/mes-cafes/import');
    await expectNoSeriousA11yViolations(page);
    expect(await page.getAttribute('a:has-text("Modèle présences")', 'href')).toBe('/mes-cafes/import/modeles/attendance.csv');
    await page.check('label[for="kind-attendance"]');
    await screenshot(page, 'organizer-import-form');
    await upload(
      page,
      'presences.csv',
      ['ref;cafe_id;email;name;anonymous_count', `P-1;${ids.cafe};camille@example.org;Camille Dupont;`, `P-2;${ids.cafe};pas-une-adresse;Dominique;`, `P-3;${ids.cafe};;;5`].join('\r\n'),
    );
    await page.click('button:has-text("Vérifier le fichier (essai, rien n’est enregistré)")');
    await page.waitForURL(/\/mes-cafes\/import\/[0-9a-f-]{36}$/);
    // the report: the bad row's line (the header is line 1) and column; nothing recorded
    const bad = page.locator('#refus tbody tr');
    expect(await bad.count()).toBe(1);
    expect(await bad.getAttribute('data-line')).toBe('3');
    expect(await bad.getAttribute('data-field')).toBe('email');
    expect(await bad.locator('td').nth(0).textContent()).toBe('3');
    expect(await figure(page, 'accepted')).toBe('2');
    expect(await figure(page, 'rejected')).toBe('1');
    expect(await page.locator('main').textContent()).toContain('rien n’a été enregistré');
    expect(await apiGet(`/v1/cafes/${ids.cafe}`, organizerToken)).toMatchObject({ attendedNamed: 0, anonymous: 0 });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'organizer-import');

    await page.click('button:has-text("Importer pour de bon")');
    const written = await untilEnded(page);
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('done');
    expect(await figure(page, 'accepted')).toBe('2');
    expect(await page.locator('.fr-alert--success').first().textContent()).toContain('Import terminé');
    await expectNoSeriousA11yViolations(page);

    const cafe = await apiGet(`/v1/cafes/${ids.cafe}?${written}`, organizerToken);
    await page.goto(`${api.url}/mes-cafes/${ids.cafe}`);
    expect(cafe).toMatchObject({ attendedNamed: 1, anonymous: 5, attendances: 6 });
    for (const name of ['attendedNamed', 'anonymous', 'attendances']) expect(await figure(page, name)).toBe(String(cafe[name]));
  }, SLOW);

  it('works without JavaScript: the form, the report, the real import and its page that reloads itself', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.fill('#token', organizerToken);
    await page.click('#token-sign-in button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/mes-cafes');
    await page.goto(`${api.url}/mes-cafes/import`);
    await page.check('label[for="kind-cafes"]');
    await upload(
      page,
      'cafes.csv',
      [
        'ref;structure_id;title;format;starts_at;commune_code',
        `C-1;${ids.rennes};Écrire avec l’IA;discussion;12/06/2026 14:00;35238`,
        `C-2;${ids.rennes};L’IA et l’emploi;atelier;31/02/2026 10:00;35238`,
      ].join('\r\n'),
    );
    await page.click('button:has-text("Vérifier le fichier")');
    await page.waitForURL(/\/mes-cafes\/import\/[0-9a-f-]{36}$/);
    expect(await page.getAttribute('#refus tbody tr', 'data-line')).toBe('3');
    expect(await page.getAttribute('#refus tbody tr', 'data-field')).toBe('starts_at');
    expect((await apiGet(`/v1/cafes?structureId=${ids.rennes}`, organizerToken)).items).toHaveLength(1);
    await page.click('button:has-text("Importer pour de bon")');
    const written = await untilEnded(page);
    expect(await figure(page, 'accepted')).toBe('1');
    const titles = (await apiGet(`/v1/cafes?structureId=${ids.rennes}&${written}`, organizerToken)).items.map((c: { title: string }) => c.title).sort();
    expect(titles).toEqual(['L’IA au quotidien', 'Écrire avec l’IA'].sort());
    await context.close();
  }, SLOW);
});
