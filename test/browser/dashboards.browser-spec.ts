import type { Browser, Page } from 'playwright-core';
import { ApiHarness, startApi } from '../support/api-harness';
import { closeBrowser, collectFigures, expectKeyboardNavigation, expectNoSeriousA11yViolations, launchBrowser, signedInContext, RoleSession, screenshot } from './support/browser';

/**
 * The web app in a real browser: sign in by link, open the pages of each role, every `data-figure` equal to what
 * the API answers that caller, coordinators kept inside their territory (direct URLs included), no serious
 * accessibility violation, keyboard navigation, screenshots for the README.
 */
describe('the dashboards in a browser', () => {
  let api: ApiHarness;
  let browser: Browser;
  let council: string;
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown) => api.ok('POST', path, { token: council, body });
  const apiGet = (path: string, token = council) => api.ok('GET', path, { token });

  beforeAll(async () => {
    api = await startApi({ CLOCK: '2026-06-15T12:00:00Z' });
    council = api.token({ role: 'council' });
    // a small world: Rennes (Bretagne), Lyon (Auvergne-Rhône-Alpes), Paris
    ids.rennes = (await post('/v1/structures', { name: 'Médiathèque des Champs Libres', kind: 'media_library', communeCode: '35238' })).id;
    ids.lyon = (await post('/v1/structures', { name: 'Tiers-lieu de la Croix-Rousse', kind: 'third_place', communeCode: '69384' })).id;
    ids.paris = (await post('/v1/structures', { name: 'Mairie du 11e', kind: 'town_hall', communeCode: '75111' })).id;
    let position = '0';
    const cafe = async (structureId: string, startsAt: string, people: string[], anonymousCount: number) => {
      const { id } = await post('/v1/cafes', { structureId, title: 'L’IA au quotidien', format: 'atelier', startsAt, capacity: 30 });
      const attendance = await post(`/v1/cafes/${id}/attendance`, { attendees: people.map((email) => ({ email })), anonymousCount });
      position = attendance.position;
      return id;
    };
    await cafe(ids.rennes, '2026-05-20T18:00:00+02:00', ['a@example.org', 'b@example.org', 'c@example.org'], 4);
    await cafe(ids.rennes, '2026-06-10T18:00:00+02:00', ['a@example.org', 'd@example.org'], 0);
    await cafe(ids.lyon, '2026-06-01T18:00:00+02:00', ['e@example.org'], 12);
    await cafe(ids.paris, '2026-06-02T18:00:00+02:00', ['f@example.org'], 2);
    await post('/v1/cafes', { structureId: ids.rennes, title: 'Débat : l’IA et le travail', format: 'discussion', startsAt: '2026-07-01T18:00:00+02:00' });
    ids.funder = (await post('/v1/funders', { name: 'Fondation pour l’inclusion', kind: 'private' })).id;
    ids.otherFunder = (await post('/v1/funders', { name: 'Région Bretagne', kind: 'public' })).id;
    ids.funding = (await post('/v1/fundings', { funderId: ids.funder, structureIds: [ids.rennes, ids.lyon], from: '2026-01-01', to: '2026-12-31', amountEuros: 15000, targets: { people: 100, cafes: 10 } })).id;
    ids.otherFunding = (await post('/v1/fundings', { funderId: ids.otherFunder, structureIds: [ids.paris], from: '2026-01-01', to: '2026-12-31' })).id;
    const animator = await post('/v1/animators', { displayName: 'Camille D.', communeCode: '35238', structureId: ids.rennes });
    await post(`/v1/animators/${animator.id}/training`, { status: 'enrolled' });
    const last = await post(`/v1/animators/${animator.id}/training`, { status: 'completed', capable: true });
    position = last.position;
    await apiGet(`/v1/progress?minPosition=${position}`);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await closeBrowser(browser);
    await api?.close();
  });

  async function signIn(role: string, claims: Parameters<ApiHarness['token']>[0]): Promise<{ session: RoleSession; token: string }> {
    const token = api.token(claims);
    return { session: await signedInContext(browser, api.url, role, token), token };
  }

  /** every figure on the page, by name, for the rows (or the page) it belongs to */
  const figures = async (page: Page, scope = 'main') =>
    page.$$eval(`${scope} [data-figure]`, (nodes) => nodes.map((n) => ({ name: n.getAttribute('data-figure')!, value: n.getAttribute('data-value')! })));
  const first = (all: { name: string; value: string }[], name: string) => all.find((f) => f.name === name)?.value;

  it('shows the council the national dashboard with the API’s figures, the regions and the date the target would be reached', async () => {
    const { session } = await signIn('council', { role: 'council' });
    const page = session.page;
    expect(new URL(page.url()).pathname).toBe('/');
    expect((await page.locator('h1').textContent())?.trim()).toBe('Tableau de bord national');
    const progress = await apiGet('/v1/progress');
    const shown = await figures(page, '.cafeia-hero');
    for (const name of ['peopleReached', 'cafesHeld']) expect(first(await figures(page), `figures.${name}`)).toBe(String(progress.figures[name]));
    expect(first(shown, 'target')).toBe(String(progress.target));
    expect(first(shown, 'progress')).toBe(String(progress.progress));
    expect(first(shown, 'pacePerDay')).toBe(String(progress.pacePerDay));
    expect(first(shown, 'targetReachedOn')).toBe(String(progress.targetReachedOn));
    for (const name of ['cafesScheduled', 'structuresActive', 'shareOutsideParis', 'distinctParticipants', 'anonymousAttendees', 'attendances', 'animatorsTrained', 'shareTrainedCapable']) {
      expect({ name, value: first(await figures(page), `figures.${name}`) }).toEqual({ name, value: String(progress.figures[name]) });
    }
    // the regions' ranking, row by row
    const regions = await apiGet('/v1/territories?level=region');
    for (const region of regions.items.slice(0, 5)) {
      const row = await figures(page, `[data-territory="region:${region.code}"]`);
      expect(first(row, 'figures.peopleReached')).toBe(String(region.figures.peopleReached));
    }
    expect(await page.textContent('main')).toMatch(/l’objectif serait atteint le \d+ \S+ \d{4}|ne serait jamais atteint/);
    await expectNoSeriousA11yViolations(page);
    await expectKeyboardNavigation(page, { minStops: 5 });
    await screenshot(page, 'national-council');
    await session.close();
  });

  it('takes the council down to a region and a department, with the API’s figures for each', async () => {
    const { session } = await signIn('council', { role: 'council' });
    const page = session.page;
    await page.goto(`${api.url}/territoires/region/53`);
    const report = await apiGet('/v1/territories/region/53');
    expect(await page.locator('h1').textContent()).toContain('Bretagne');
    expect(first(await figures(page, '.cafeia-hero'), 'figures.peopleReached')).toBe(String(report.figures.peopleReached));
    const child = await figures(page, '[data-territory="department:35"]');
    expect(first(child, 'figures.peopleReached')).toBe(String(report.children.find((c: { code: string }) => c.code === '35').figures.peopleReached));
    // down from the map or from a search by name or postcode
    await page.goto(`${api.url}/territoires?q=35000`);
    expect(await page.locator('a[href="/territoires/commune/35238"]').count()).toBe(1);
    await page.goto(`${api.url}/territoires/region/53`);
    await page.click('main table a[href="/territoires/department/35"]');
    expect(await page.locator('h1').textContent()).toContain('Ille-et-Vilaine');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'territory-council');
    await session.close();
  });

  it('lands a coordinator on their territory, with their figures, and keeps them inside it', async () => {
    const { session, token } = await signIn('coordinator', { role: 'coordinator', territory: 'region:53' });
    const page = session.page;
    expect(new URL(page.url()).pathname).toBe('/territoires/region/53');
    const report = await apiGet('/v1/territories/region/53', token);
    expect(first(await figures(page, '.cafeia-hero'), 'figures.peopleReached')).toBe(String(report.figures.peopleReached));
    // no way out: the national dashboard, another region, another region's cafés
    for (const path of ['/territoires/region/84', '/territoires/department/69', '/cafes?territory=region:84']) {
      const response = await page.goto(`${api.url}${path}`);
      const status = response!.status();
      const text = await page.textContent('main');
      expect({ path, refused: status === 403 || /hors de votre périmètre/i.test(text ?? '') }).toEqual({ path, refused: true });
    }
    const home = await page.goto(`${api.url}/`);
    expect(new URL(home!.url()).pathname).toBe('/territoires/region/53');
    await session.close();
  });

  it('lists cafés and structures with the API’s filters, and shows a wrong filter beside its field', async () => {
    const { session } = await signIn('council', { role: 'council' });
    const page = session.page;
    await page.goto(`${api.url}/cafes?status=held`);
    const held = await apiGet('/v1/cafes?status=held');
    expect(await page.locator('[data-cafe]').count()).toBe(held.items.length);
    await page.goto(`${api.url}/cafes?territory=nulle-part`);
    expect(await page.locator('#filtre-territory-erreur').textContent()).toContain('territoire');
    await page.goto(`${api.url}/structures?sort=engagement`);
    const structures = await apiGet('/v1/structures?sort=engagement');
    const rows = await figures(page, `[data-structure="${structures.items[0].id}"]`);
    expect(first(rows, 'peopleReached')).toBe(String(structures.items[0].peopleReached));
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'structures-council');
    await session.close();
  });

  it('signs out, and an unknown token is refused with a message', async () => {
    const { session } = await signIn('council', { role: 'council' });
    const page = session.page;
    await page.click('button:has-text("Se déconnecter")');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const response = await page.goto(`${api.url}/territoires/region/53`);
    expect(new URL(response!.url()).pathname).toBe('/sign-in');
    await page.fill('#token', 'not-a-token');
    await page.click('#token-sign-in button[type="submit"]');
    expect(await page.locator('.fr-alert--error').textContent()).toContain('pas valide');
    await expectNoSeriousA11yViolations(page);
    await session.close();
  });

  it('works without JavaScript: the figures are in the HTML, sign-in by pasting the token', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.fill('#token', api.token({ role: 'council' }));
    await page.click('#token-sign-in button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/');
    const progress = await apiGet('/v1/progress');
    expect(first(await figures(page), 'figures.peopleReached')).toBe(String(progress.figures.peopleReached));
    await context.close();
  });

  it('shows a funder their fundings and each audit, verifies it on demand, gives the CSV, and nothing else', async () => {
    const { session, token } = await signIn('funder', { role: 'funder', funderId: ids.funder });
    const page = session.page;
    expect(new URL(page.url()).pathname).toBe('/financements');
    expect(await page.locator('[data-funding]').count()).toBe(1);
    await page.click(`a[href="/financements/${ids.funding}"]`);
    const audit = await apiGet(`/v1/fundings/${ids.funding}/audit`, token);
    const shown = await figures(page);
    expect(first(shown, 'figures.peopleReached')).toBe(String(audit.figures.peopleReached));
    expect(first(shown, 'figures.cafesHeld')).toBe(String(audit.figures.cafesHeld));
    expect(first(shown, 'evidence.digest')).toBe(audit.evidence.digest);
    await page.click('button:has-text("Vérifier maintenant")');
    expect(await page.locator('.fr-alert--success').textContent()).toContain('aucun n’a été modifié');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'funder-audit');
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), `/financements/${ids.funding}/audit.csv`);
    expect(csv).toContain('L’IA au quotidien');
    // another funder's audit, the dashboards: refused
    for (const path of [`/financements/${ids.otherFunding}`, '/territoires/region/53', '/cafes']) {
      const response = await page.goto(`${api.url}${path}`);
      expect({ path, status: response!.status() }).toEqual({ path, status: 403 });
    }
    await session.close();
  });
});
