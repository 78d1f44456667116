import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { ApiHarness, startApi } from '../support/api-harness';
import { closeBrowser, expectKeyboardNavigation, expectNoSeriousA11yViolations, keyboardProblems, launchBrowser, screenshot, tabThrough, type FocusStop } from './support/browser';

/**
 * The public agenda in a real browser, without signing in and without JavaScript: a commune found by name or by
 * postcode, its cafés to come equal to what /public/v1/cafes answers, filters and paging, the calendar to
 * subscribe to, each café's page with its JSON-LD; no serious accessibility violation; keyboard navigation; the
 * screenshot for the README.
 */
describe('the public agenda in a browser', () => {
  let api: ApiHarness;
  let browser: Browser;
  let council: string;
  const ids: Record<string, string> = {};
  const rennesCafes: string[] = [];

  const post = (path: string, body: unknown) => api.ok('POST', path, { token: council, body });
  const apiGet = async (path: string, headers: Record<string, string> = {}) => {
    const res = await api.request('GET', path, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res;
  };

  beforeAll(async () => {
    api = await startApi({ CLOCK: '2026-06-15T12:00:00Z', PUBLIC_RATE_LIMIT: '100000' });
    council = api.token({ role: 'council' });
    ids.rennes = (await post('/v1/structures', { name: 'Médiathèque des Champs Libres', kind: 'media_library', communeCode: '35238', address: '10 cours des Alliés', postalCode: '35000' })).id;
    ids.lyon = (await post('/v1/structures', { name: 'Tiers-lieu de la Croix-Rousse', kind: 'third_place', communeCode: '69384' })).id;
    const titles = ['L’IA au quotidien', 'Débat : l’IA et le travail', 'Atelier : écrire avec une IA', 'L’IA pour les parents', 'Café IA des seniors'];
    // 22 cafés in Rennes over the summer: two pages of 20
    for (let i = 0; i < 22; i++) {
      const day = String(1 + i).padStart(2, '0');
      const format = i % 3 === 0 ? 'discussion' : 'atelier';
      const { id } = await post('/v1/cafes', { structureId: ids.rennes, title: titles[i % titles.length], format, startsAt: `2026-07-${day}T18:00:00+02:00`, capacity: i === 1 ? 1 : 25, audience: i % 4 === 0 ? 'Familles' : undefined });
      rennesCafes.push(id);
    }
    await post(`/v1/cafes/${rennesCafes[1]}/enrolments`, { participant: { email: 'complet@example.org', name: 'Personne Complète' } });
    await post(`/v1/cafes/${rennesCafes[2]}/reschedule`, { startsAt: '2026-07-03T19:00:00+02:00' });
    ids.lyonCafe = (await post('/v1/cafes', { structureId: ids.lyon, title: 'L’IA à la Croix-Rousse', format: 'atelier', startsAt: '2026-07-04T18:00:00+02:00' })).id;
    ids.cancelled = (await post('/v1/cafes', { structureId: ids.rennes, title: 'Café annulé', format: 'discussion', startsAt: '2026-07-02T18:00:00+02:00' })).id;
    const last = await post(`/v1/cafes/${ids.cancelled}/cancel`, { reason: 'salle indisponible' });
    await api.request('GET', `/v1/progress?minPosition=${last.position}`, { token: council });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await closeBrowser(browser);
    await api?.close();
  });

  const noScript = async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 800 } });
    return { context, page: await context.newPage() };
  };
  /** with JavaScript (axe runs in the page): the DSFR's script enhances, the page is the same */
  const withScript = async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 800 } });
    return { context, page: await context.newPage() };
  };
  const shownCafes = (page: Page) => page.$$eval('[data-cafe]', (nodes) => nodes.map((n) => n.getAttribute('data-cafe')!));

  it('finds a commune by its name, without signing in and without JavaScript, with the API’s cafés', async () => {
    const { context, page } = await noScript();
    await page.goto(`${api.url}/agenda`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Agenda des Cafés IA');
    await page.fill('#agenda-q', 'Rennes');
    await page.click('form[role="search"] button[type="submit"]');
    expect(await page.locator('#agenda-resultats').textContent()).toContain('Cafés à venir : Rennes');
    const fromApi = (await apiGet('/public/v1/cafes?territory=commune:35238&pageSize=20')).body;
    expect(await shownCafes(page)).toEqual(fromApi.items.map((c: { id: string }) => c.id));
    expect(fromApi.total).toBe(22);
    expect(await page.locator('[data-figure="total"]').getAttribute('data-value')).toBe('22');
    // the cancelled café is not listed; the full one says so
    expect(await shownCafes(page)).not.toContain(ids.cancelled);
    expect(await page.locator(`[data-cafe="${rennesCafes[1]}"]`).textContent()).toContain('Complet');
    await context.close();

    const enhanced = await withScript();
    await enhanced.page.goto(`${api.url}/agenda?q=Rennes`);
    await enhanced.page.waitForLoadState('networkidle');
    expect(await shownCafes(enhanced.page)).toEqual(fromApi.items.map((c: { id: string }) => c.id));
    await expectNoSeriousA11yViolations(enhanced.page);
    await screenshot(enhanced.page, 'agenda-public');
    await enhanced.context.close();
  });

  it('finds the same commune by postcode, filters by format and dates, and pages', async () => {
    const { context, page } = await noScript();
    await page.goto(`${api.url}/agenda`);
    await page.fill('#agenda-q', '35000');
    await page.selectOption('#agenda-format', 'discussion');
    await page.fill('#agenda-from', '2026-07-05');
    await page.fill('#agenda-to', '2026-07-20');
    await page.click('form[role="search"] button[type="submit"]');
    const fromApi = (await apiGet('/public/v1/cafes?territory=commune:35238&format=discussion&from=2026-07-05&to=2026-07-20')).body;
    expect(fromApi.items.length).toBeGreaterThan(0);
    expect(await shownCafes(page)).toEqual(fromApi.items.map((c: { id: string }) => c.id));

    // typed by hand where a browser has no date picker
    await page.goto(`${api.url}/agenda?q=35000&from=${encodeURIComponent('20/07/2026')}`);
    expect(await page.inputValue('#agenda-from')).toBe('2026-07-20');
    expect(await shownCafes(page)).toEqual((await apiGet('/public/v1/cafes?territory=commune:35238&from=2026-07-20')).body.items.map((c: { id: string }) => c.id));

    await page.goto(`${api.url}/agenda?q=Rennes`);
    await page.click('a.fr-pagination__link--next');
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    const second = (await apiGet('/public/v1/cafes?territory=commune:35238&pageSize=20&page=2')).body;
    expect(await shownCafes(page)).toEqual(second.items.map((c: { id: string }) => c.id));
    await context.close();
  });

  it('says so beside the field when nothing matches, and when a date is wrong', async () => {
    const { context, page } = await withScript();
    await page.goto(`${api.url}/agenda?q=Zzyzx`);
    expect(await page.locator('#agenda-q-erreur').textContent()).toContain('Aucune commune ne correspond à « Zzyzx »');
    expect(await page.locator('#agenda-q').getAttribute('aria-describedby')).toBe('agenda-q-erreur');
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${api.url}/agenda?q=Rennes&from=2026-07-20&to=2026-07-01`);
    expect(await page.locator('#agenda-to-erreur').textContent()).toContain('La date de fin doit suivre la date de début.');
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  it('offers the territory’s calendar to subscribe to, and the feed is a calendar', async () => {
    const { context, page } = await noScript();
    await page.goto(`${api.url}/agenda?territory=commune:35238`);
    const subscribe = page.getByRole('link', { name: 'S’abonner à ce calendrier' });
    const href = await subscribe.getAttribute('href');
    expect(href).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/public\/v1\/cafes\.ics\?territory=commune%3A35238$/);
    const feed = await apiGet(new URL(href!.replace(/^webcal:/, 'http:')).pathname + new URL(href!.replace(/^webcal:/, 'http:')).search);
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(23); // the 22 cafés and the cancelled one (STATUS:CANCELLED)
    await context.close();
  });

  it('shows a café’s page with its JSON-LD, the one the API answers', async () => {
    const { context, page } = await withScript();
    await page.goto(`${api.url}/agenda?q=Rennes`);
    await page.click(`[data-cafe="${rennesCafes[2]}"] a`);
    expect(new URL(page.url()).pathname).toBe(`/agenda/cafes/${rennesCafes[2]}`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Atelier : écrire avec une IA');
    expect(await page.locator('main').textContent()).toContain('La date de ce café a changé.');
    expect(await page.locator('main').textContent()).toContain('10 cours des Alliés, 35000 Rennes');
    const embedded = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    const fromApi = (await apiGet(`/public/v1/cafes/${rennesCafes[2]}`, { accept: 'application/ld+json' })).body;
    expect(embedded).toEqual(fromApi);
    expect(embedded).toMatchObject({ '@type': 'Event', eventStatus: 'https://schema.org/EventRescheduled', location: { address: { addressLocality: 'Rennes', addressCountry: 'FR' } } });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'agenda-cafe-public');
    await context.close();
  });

  it('can be used with the keyboard alone: every stop shows its focus, up to the next page and the calendar', async () => {
    const { context, page } = await withScript();
    await page.goto(`${api.url}/agenda?q=Rennes`);
    await page.waitForLoadState('networkidle');
    // Tab one press at a time, keeping one stop per element
    const stops: FocusStop[] = [];
    for (let presses = 0; presses < 120; presses++) {
      const [stop] = await tabThrough(page, { maxStops: 1 });
      const inDate = stops[stops.length - 1]?.element === 'input[type=date]';
      // in a date field Chromium's Tab walks its day, month, year and picker button first (not a trap)
      if (!stop && inDate) continue;
      if (!stop || stop.selector === stops[0]?.selector) break;
      if (inDate && stops[stops.length - 1].selector === stop.selector) continue;
      stops.push(stop);
    }
    expect(keyboardProblems(stops, { minStops: 10 })).toEqual([]);
    expect(stops.some((s) => s.name.includes('Page suivante'))).toBe(true);
    expect(stops.some((s) => s.name.includes('S’abonner à ce calendrier'))).toBe(true);
    await page.goto(`${api.url}/agenda/cafes/${ids.cancelled}`);
    expect(await page.locator('main').textContent()).toContain('Ce café est annulé.');
    await expectKeyboardNavigation(page, { minStops: 5 });
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
});
