import type { Browser, Page } from 'playwright-core';
import { ApiHarness, startApi } from '../support/api-harness';
import { closeBrowser, expectNoSeriousA11yViolations, launchBrowser, signedInContext, RoleSession, screenshot } from './support/browser';

/**
 * The year-two pages in a real browser: the networks' ranking and a network's dashboard, the breakdowns, the unreported
 * cafés and the EPCIs of a department; every `data-figure` equal to what the API answers that caller, a network kept
 * to its own page, no serious accessibility violation, screenshots.
 */
describe('the year-two pages in a browser', () => {
  let api: ApiHarness;
  let browser: Browser;
  let council: string;
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown) => api.ok('POST', path, { token: council, body });
  const apiGet = (path: string, token = council) => api.ok('GET', path, { token });

  beforeAll(async () => {
    // the pages wait for their own writes; the API's half-second read cache does not have to (no minPosition), so
    // the checks below that read the API right after a page's write would see the previous answer: no cache here
    api = await startApi({ CLOCK: '2026-06-15T12:00:00Z', READ_CACHE_MS: '0' });
    council = api.token({ role: 'council' });
    ids.lyon = (await post('/v1/structures', { name: 'Médiathèque de la Part-Dieu', kind: 'media_library', communeCode: '69383' })).id;
    ids.villeurbanne = (await post('/v1/structures', { name: 'Centre social des Buers', kind: 'social_centre', communeCode: '69266' })).id;
    ids.rennes = (await post('/v1/structures', { name: 'Médiathèque des Champs Libres', kind: 'media_library', communeCode: '35238' })).id;
    ids.network = (await post('/v1/networks', { name: 'Réseau des médiathèques', kind: 'public_operator' })).id;
    ids.other = (await post('/v1/networks', { name: 'Fédération des centres sociaux', kind: 'association' })).id;
    await post(`/v1/networks/${ids.network}/structures`, { structureId: ids.lyon });
    await post(`/v1/networks/${ids.network}/structures`, { structureId: ids.rennes });
    await post(`/v1/networks/${ids.other}/structures`, { structureId: ids.villeurbanne });
    const cafe = async (structureId: string, format: string, startsAt: string, people: string[], anonymousCount: number) => {
      const { id } = await post('/v1/cafes', { structureId, title: 'L’IA au quotidien', format, startsAt });
      if (people.length + anonymousCount > 0) await post(`/v1/cafes/${id}/attendance`, { attendees: people.map((email) => ({ email })), anonymousCount });
      return id;
    };
    await cafe(ids.lyon, 'atelier', '2026-05-20T18:00:00+02:00', ['a@example.org', 'b@example.org'], 3);
    await cafe(ids.rennes, 'discussion', '2026-06-02T18:00:00+02:00', ['a@example.org', 'c@example.org'], 1);
    ids.unreported = await cafe(ids.villeurbanne, 'atelier', '2026-05-10T18:00:00+02:00', [], 0);
    const last = await post('/v1/cafes', { structureId: ids.lyon, title: 'IA et école', format: 'discussion', startsAt: '2026-07-01T18:00:00+02:00' });
    await apiGet(`/v1/progress?minPosition=${last.position}`);
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

  const figures = async (page: Page, scope = 'main') =>
    page.$$eval(`${scope} [data-figure]`, (nodes) => nodes.map((n) => ({ name: n.getAttribute('data-figure')!, value: n.getAttribute('data-value')! })));
  const first = (all: { name: string; value: string }[], name: string) => all.find((f) => f.name === name)?.value;

  it('shows the council the networks’ ranking with the API’s figures', async () => {
    const { session } = await signIn('council', { role: 'council' });
    const page = session.page;
    await page.goto(`${api.url}/reseaux`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Réseaux partenaires');
    const ranking = await apiGet('/v1/networks');
    expect(ranking.items.length).toBe(2);
    for (const network of ranking.items) {
      const row = await figures(page, `[data-network="${network.id}"]`);
      expect(first(row, 'figures.peopleReached')).toBe(String(network.figures.peopleReached));
      expect(first(row, 'figures.cafesHeld')).toBe(String(network.figures.cafesHeld));
      expect(first(row, 'structureCount')).toBe(String(network.structureCount));
    }
    await page.click(`a[href="/reseaux/${ids.network}"]`);
    expect(await page.locator('h1').textContent()).toContain('Réseau des médiathèques');
    await expectNoSeriousA11yViolations(page);
    await session.close();
  });

  it('lands a network on its dashboard, with the API’s figures, and keeps it out of another network’s', async () => {
    const { session, token } = await signIn('network', { role: 'network', networkId: ids.network });
    const page = session.page;
    expect(new URL(page.url()).pathname).toBe(`/reseaux/${ids.network}`);
    const report = await apiGet(`/v1/networks/${ids.network}`, token);
    // a attended in Lyon and in Rennes: once
    expect(report.figures.distinctParticipants).toBe(3);
    const hero = await figures(page, '.cafeia-hero');
    expect(first(hero, 'figures.peopleReached')).toBe(String(report.figures.peopleReached));
    const all = await figures(page);
    for (const name of ['cafesHeld', 'cafesScheduled', 'distinctParticipants', 'anonymousAttendees', 'attendances']) {
      expect({ name, value: first(all, `figures.${name}`) }).toEqual({ name, value: String(report.figures[name]) });
    }
    expect(first(all, 'figures.reporting.completeness')).toBe(String(report.figures.reporting.completeness));
    for (const structure of report.structures) {
      expect(first(await figures(page, `[data-structure="${structure.structureId}"]`), 'figures.peopleReached')).toBe(String(structure.figures.peopleReached));
    }
    for (const region of report.regions) {
      expect(first(await figures(page, `[data-territory="region:${region.code}"]`), 'figures.peopleReached')).toBe(String(region.figures.peopleReached));
    }
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'network');
    const other = await page.goto(`${api.url}/reseaux/${ids.other}`);
    expect(other?.status()).toBe(403);
    expect((await page.goto(`${api.url}/reseaux`))?.status()).toBe(403);
    expect((await page.goto(`${api.url}/territoires/region/84`))?.status()).toBe(403);
    // its breakdowns are its members'
    await page.goto(`${api.url}/repartitions?by=format`);
    const breakdown = await apiGet('/v1/breakdowns?by=format', token);
    expect(first(await figures(page, '[data-total]'), 'figures.peopleReached')).toBe(String(breakdown.total.peopleReached));
    await session.close();
  });

  it('lists a network the structures the API serves it, its members only, from a link in its menu', async () => {
    const { session, token } = await signIn('network', { role: 'network', networkId: ids.network });
    const page = session.page;
    await Promise.all([page.waitForURL((url) => url.pathname === '/structures'), page.click('nav[aria-label="Menu principal"] a[href="/structures"]')]);
    const structures = await apiGet('/v1/structures?sort=engagement', token);
    expect(structures.items.map((s: { id: string }) => s.id).sort()).toEqual([ids.lyon, ids.rennes].sort());
    await page.goto(`${api.url}/structures?sort=engagement`);
    expect(await page.locator('[data-structure]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-structure')))).toEqual(structures.items.map((s: { id: string }) => s.id));
    for (const structure of structures.items) {
      const row = await figures(page, `[data-structure="${structure.id}"]`);
      expect(first(row, 'peopleReached')).toBe(String(structure.peopleReached));
      expect(first(row, 'cafesHeld')).toBe(String(structure.cafesHeld));
    }
    // the same scope as the API's with a territory filter too: Villeurbanne is in the Rhône but not a member
    await page.goto(`${api.url}/structures?territory=department:69`);
    const rhone = await apiGet('/v1/structures?territory=department:69', token);
    expect(rhone.items.map((s: { id: string }) => s.id)).toEqual([ids.lyon]);
    expect(await page.locator('[data-structure]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-structure')))).toEqual([ids.lyon]);
    expect(await page.locator('nav[aria-label="Menu principal"] a[href="/animateurs"]').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await session.close();
  });

  it('shows the breakdowns with a selector, filters, a chart and the API’s figures, also without JavaScript', async () => {
    const { session } = await signIn('council', { role: 'council' });
    const page = session.page;
    await page.goto(`${api.url}/repartitions`);
    await page.selectOption('#filtre-by', 'structureKind');
    await page.fill('#filtre-from', '2026-05-01');
    await Promise.all([page.waitForURL(/by=structureKind/), page.click('main form button[type="submit"]')]);
    const breakdown = await apiGet('/v1/breakdowns?by=structureKind&from=2026-05-01');
    expect(await page.locator('svg.cafeia-bars rect').count()).toBe(breakdown.items.length);
    for (const item of breakdown.items) {
      const row = await figures(page, `[data-key="${item.key ?? ''}"]`);
      for (const name of ['peopleReached', 'attendances', 'cafesHeld']) expect({ key: item.key, name, value: first(row, `figures.${name}`) }).toEqual({ key: item.key, name, value: String(item.figures[name]) });
    }
    expect(first(await figures(page, '[data-total]'), 'figures.peopleReached')).toBe(String(breakdown.total.peopleReached));
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'breakdowns');
    await page.goto(`${api.url}/repartitions?by=format&from=2026-13-01`);
    expect(await page.locator('#filtre-from-erreur').count()).toBe(1);
    await session.close();

    // without JavaScript: the selector is a plain form, the chart and the table are in the HTML
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
    const plain = await context.newPage();
    await plain.goto(`${api.url}/sign-in`);
    await plain.fill('#token', api.token({ role: 'council' }));
    await plain.click('#token-sign-in button[type="submit"]');
    await plain.goto(`${api.url}/repartitions`);
    await plain.selectOption('#filtre-by', 'month');
    await plain.click('main form button[type="submit"]');
    const months = await apiGet('/v1/breakdowns?by=month');
    expect(new URL(plain.url()).searchParams.get('by')).toBe('month');
    expect(first(await figures(plain, '[data-total]'), 'figures.peopleReached')).toBe(String(months.total.peopleReached));
    expect(await plain.locator('svg.cafeia-bars rect').count()).toBe(months.items.length);
    await context.close();
  });

  it('shows a department’s EPCIs, the EPCI’s page and the unreported cafés, with the API’s figures', async () => {
    const { session } = await signIn('council', { role: 'council' });
    const page = session.page;
    await page.goto(`${api.url}/territoires/department/69`);
    const rhone = await apiGet('/v1/territories/department/69');
    const metropole = rhone.epcis.find((e: { code: string }) => e.code === '200046977');
    expect(first(await figures(page, '[data-territory="epci:200046977"]'), 'figures.peopleReached')).toBe(String(metropole.figures.peopleReached));
    await page.click('main table a[href="/territoires/epci/200046977"]');
    expect(await page.locator('h1').textContent()).toContain('Métropole de Lyon');
    const epci = await apiGet('/v1/territories/epci/200046977');
    expect(first(await figures(page, '.cafeia-hero'), 'figures.peopleReached')).toBe(String(epci.figures.peopleReached));
    expect(await page.locator('#sans-presence').textContent()).toContain('Cafés sans feuille de présence');
    const unreported = await apiGet('/v1/cafes?status=unreported&territory=epci:200046977');
    expect(await page.locator('#sans-presence [data-cafe]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cafe')))).toEqual(unreported.items.map((c: { id: string }) => c.id));
    expect(unreported.items.map((c: { id: string }) => c.id)).toEqual([ids.unreported]);
    expect(first(await figures(page, '#sans-presence'), 'figures.reporting.cafesDue')).toBe(String(epci.figures.reporting.cafesDue));
    await expectNoSeriousA11yViolations(page);
    await session.close();
  });
});
