import type { Browser, Page } from 'playwright-core';
import { ApiHarness, startApi } from '../support/api-harness';
import { closeBrowser, expectNoSeriousA11yViolations, launchBrowser, signedInContext, RoleSession, screenshot } from './support/browser';

/**
 * The organizer's workspace in a real browser: sign in by link, schedule a café (a wrong field first: shown beside
 * it, nothing created), enrol two people, record the attendance sheet (a wrong walk-in line first: named, nothing
 * recorded), and the café's counts equal `GET /v1/cafes/{id}` for that organizer. Another organizer is kept out, a
 * post without the CSRF token changes nothing, axe passes every page, and the forms work without JavaScript.
 */
/** the steps that run axe several times: room for a busy machine */
const SLOW = 120_000;

describe('the organizer’s workspace in a browser', () => {
  let api: ApiHarness;
  let browser: Browser;
  let council: string;
  let organizerToken: string;
  let organizer: RoleSession;
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown) => api.ok('POST', path, { token: council, body });
  const apiGet = (path: string, token: string) => api.ok('GET', path, { token });
  const figure = async (page: Page, name: string) => page.getAttribute(`main [data-figure="${name}"]`, 'data-value');
  const cafesOfTheOrganizer = async () => (await apiGet(`/v1/cafes?structureId=${ids.rennes}`, organizerToken)).items as { id: string; title: string }[];

  beforeAll(async () => {
    // the pages wait for their own writes; the API's half-second read cache does not have to (no minPosition), so
    // the checks below that read the API right after a page's write would see the previous answer: no cache here
    api = await startApi({ CLOCK: '2026-06-15T12:00:00Z', READ_CACHE_MS: '0' });
    council = api.token({ role: 'council' });
    ids.rennes = (await post('/v1/structures', { name: 'Médiathèque des Champs Libres', kind: 'media_library', communeCode: '35238' })).id;
    ids.lyon = (await post('/v1/structures', { name: 'Tiers-lieu de la Croix-Rousse', kind: 'third_place', communeCode: '69384' })).id;
    ids.animator = (await post('/v1/animators', { displayName: 'Camille D.', communeCode: '35238', structureId: ids.rennes })).id;
    const lyonCafe = await post('/v1/cafes', { structureId: ids.lyon, title: 'IA à la Croix-Rousse', format: 'discussion', startsAt: '2026-07-01T18:00:00+02:00' });
    ids.lyonCafe = lyonCafe.id;
    await apiGet(`/v1/cafes/${lyonCafe.id}?minPosition=${lyonCafe.position}`, council);
    organizerToken = api.token({ role: 'organizer', structureIds: [ids.rennes], sub: 'organizer-rennes' });
    browser = await launchBrowser();
    organizer = await signedInContext(browser, api.url, 'organizer', organizerToken);
  });
  afterAll(async () => {
    await organizer?.close();
    await closeBrowser(browser);
    await api?.close();
  });

  it('lands the organizer on their cafés and schedules one, a wrong commune first shown beside its field with nothing created', async () => {
    const page = organizer.page;
    expect(new URL(page.url()).pathname).toBe('/mes-cafes');
    expect((await page.locator('h1').textContent())?.trim()).toBe('Mes cafés');
    await expectNoSeriousA11yViolations(page);
    await page.click('a:has-text("Programmer un café")');
    expect(new URL(page.url()).pathname).toBe('/mes-cafes/nouveau');
    expect(await page.locator('#structureId option:checked').textContent()).toContain('Médiathèque des Champs Libres');
    await page.fill('#title', 'L’IA au quotidien');
    await page.fill('#format', 'atelier');
    await page.fill('#date', '2026-06-10');
    await page.fill('#time', '18:00');
    await page.fill('#endTime', '20:00');
    await page.fill('#commune', 'Nulle-Part-sur-Mer');
    await page.fill('#capacity', '20');
    await page.check('label:has-text("Camille D.")');
    await expectNoSeriousA11yViolations(page);
    await page.click('button:has-text("Programmer le café")');
    // refused: the error beside the field, tied to it, what was typed kept, nothing created
    expect(await page.locator('#commune-erreur').textContent()).toContain('Aucune commune ne s’appelle « Nulle-Part-sur-Mer »');
    expect(await page.getAttribute('#commune', 'aria-describedby')).toBe('commune-erreur');
    expect(await page.inputValue('#title')).toBe('L’IA au quotidien');
    expect(await page.isChecked('label:has-text("Camille D.")')).toBe(true);
    expect(await cafesOfTheOrganizer()).toEqual([]);
    await expectNoSeriousA11yViolations(page);
    await page.fill('#commune', '35000');
    await page.click('button:has-text("Programmer le café")');
    await page.waitForURL(/\/mes-cafes\/[0-9a-f-]{36}$/);
    ids.cafe = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.locator('.fr-alert--success').textContent()).toContain('« L’IA au quotidien » est programmé');
    const cafe = await apiGet(`/v1/cafes/${ids.cafe}`, organizerToken);
    expect(cafe).toMatchObject({ title: 'L’IA au quotidien', format: 'atelier', startsAt: '2026-06-10T16:00:00.000Z', endsAt: '2026-06-10T18:00:00.000Z', communeCode: '35238', capacity: 20, animatorIds: [ids.animator] });
    expect((await cafesOfTheOrganizer()).map((c) => c.id)).toEqual([ids.cafe]);
  }, SLOW);

  it('enrols two people, who then show on the sheet by name', async () => {
    const page = organizer.page;
    await page.fill('#email', 'camille@example.org');
    await page.fill('#name', 'Camille Dupont');
    await page.click('button:has-text("Inscrire")');
    await page.waitForURL(/#inscriptions$/);
    expect(await page.locator('.fr-alert--success').textContent()).toContain('Inscription enregistrée');
    await page.fill('#phone', '06 12 34 56 78');
    await page.fill('#name', 'Dominique Martin');
    await page.click('button:has-text("Inscrire")');
    expect(await page.locator('#inscriptions li').allTextContents()).toEqual([expect.stringContaining('Camille Dupont'), expect.stringContaining('Dominique Martin')]);
    expect(await figure(page, 'enrolled')).toBe('2');
    expect(await page.locator('#presents label').allTextContents()).toEqual([expect.stringContaining('Camille Dupont'), expect.stringContaining('Dominique Martin')]);
  });

  it('records the attendance sheet, a wrong walk-in line first named and nothing recorded, then the API’s counts', async () => {
    const page = organizer.page;
    await page.check('#presents label:has-text("Camille Dupont")');
    await page.fill('#walkIns', 'lea@example.org, Léa\n06 98 76 54 32\nmax@nowhere');
    await page.fill('#anonymousCount', '3');
    await page.click('button:has-text("Enregistrer la feuille de présence")');
    expect(await page.locator('#walkIns-erreur').textContent()).toBe('Ligne 3 : adresse électronique invalide.');
    expect(await page.getAttribute('#walkIns', 'aria-describedby')).toBe('walkIns-erreur');
    expect(await page.isChecked('#presents label:has-text("Camille Dupont")')).toBe(true);
    expect(await apiGet(`/v1/cafes/${ids.cafe}`, organizerToken)).toMatchObject({ attendedNamed: 0, anonymous: 0, enrolled: 2 });
    await expectNoSeriousA11yViolations(page);
    await page.fill('#walkIns', 'lea@example.org, Léa\n06 98 76 54 32');
    await page.click('button:has-text("Enregistrer la feuille de présence")');
    await page.waitForURL(/#feuille-de-presence$/);
    expect(await page.locator('.fr-alert--success').textContent()).toContain('3 présents nommés, 3 personnes sans contact');
    const cafe = await apiGet(`/v1/cafes/${ids.cafe}`, organizerToken);
    expect(cafe).toMatchObject({ enrolled: 4, attendedNamed: 3, anonymous: 3, attendances: 6 });
    for (const name of ['enrolled', 'attendedNamed', 'anonymous', 'attendances']) expect({ name, value: await figure(page, name) }).toEqual({ name, value: String(cafe[name]) });
    // recorded ones stay ticked and cannot be unticked; the walk-in is listed by the name given
    expect(await page.isDisabled('#presents label:has-text("Camille Dupont") >> xpath=preceding-sibling::input')).toBe(true);
    expect(await page.isChecked('#presents input[type=checkbox] >> nth=0')).toBe(true);
    expect(await page.locator('#presents label:has-text("Léa")').count()).toBe(1);
    expect(await page.isChecked('#presents label:has-text("Dominique Martin") >> xpath=preceding-sibling::input')).toBe(false);
    expect(await page.inputValue('#anonymousCount')).toBe('3');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'organizer-attendance');
  }, SLOW);

  it('lists the organizer’s cafés in three lists: to come, to report, held with the API’s count', async () => {
    const page = organizer.page;
    // the three lists: one to come, one started with no attendance yet, the one held
    const later = await post('/v1/cafes', { structureId: ids.rennes, title: 'Débat : l’IA et l’école', format: 'débat', startsAt: '2026-07-02T18:00:00+02:00' });
    const unreported = await post('/v1/cafes', { structureId: ids.rennes, title: 'Initiation aux assistants', format: 'initiation', startsAt: '2026-06-12T14:00:00+02:00' });
    await apiGet(`/v1/cafes/${unreported.id}?minPosition=${unreported.position}`, council);
    await page.goto(`${api.url}/mes-cafes`);
    const listed = async (list: string) => page.locator(`#${list} [data-cafe]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cafe')));
    expect({ upcoming: await listed('a-venir'), toReport: await listed('a-saisir'), held: await listed('tenus') }).toEqual({ upcoming: [later.id], toReport: [unreported.id], held: [ids.cafe] });
    expect(await page.locator('#tenus [data-cafe] [data-figure="attendances"]').getAttribute('data-value')).toBe('6');
    expect(await page.getAttribute('#a-saisir a:has-text("Saisir")', 'href')).toBe(`/mes-cafes/${unreported.id}#feuille-de-presence`);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'organizer-cafes');
  }, SLOW);

  it('keeps another organizer out of that café, even by direct URL, and shows them only theirs', async () => {
    const other = await signedInContext(browser, api.url, 'organizer', api.token({ role: 'organizer', structureIds: [ids.lyon], sub: 'organizer-lyon' }));
    expect(new URL(other.page.url()).pathname).toBe('/mes-cafes');
    expect(await other.page.locator('[data-cafe]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cafe')))).toEqual([ids.lyonCafe]);
    for (const path of [`/mes-cafes/${ids.cafe}`, `/mes-cafes/${ids.cafe}/annulation`]) {
      const response = await other.page.goto(`${api.url}${path}`);
      expect({ path, status: response!.status(), at: new URL(response!.url()).pathname, title: await other.page.title() }).toEqual({ path, status: 403, at: path, title: 'Erreur — Café IA' });
    }
    expect(await other.page.textContent('main')).not.toContain('Camille');
    await other.close();
  });

  it('refuses a post without the CSRF token with a 403, and changes nothing', async () => {
    const page = organizer.page;
    await page.goto(`${api.url}/mes-cafes/${ids.cafe}`);
    const status = await page.evaluate(async (path) => {
      const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ anonymousCount: '9', walkIns: 'intrus@example.org' }).toString() });
      return response.status;
    }, `/mes-cafes/${ids.cafe}/presences`);
    expect(status).toBe(403);
    expect(await apiGet(`/v1/cafes/${ids.cafe}`, organizerToken)).toMatchObject({ enrolled: 4, attendedNamed: 3, anonymous: 3 });
  });

  it('refuses to cancel a café whose attendance is recorded, saying why on the confirmation step', async () => {
    const page = organizer.page;
    await page.goto(`${api.url}/mes-cafes/${ids.cafe}`);
    expect(await page.locator('a:has-text("Annuler ce café")').count()).toBe(0);
    await page.goto(`${api.url}/mes-cafes/${ids.cafe}/annulation`);
    await expectNoSeriousA11yViolations(page);
    await page.fill('#reason', 'Plus de salle.');
    await page.click('button:has-text("Confirmer l’annulation")');
    expect(await page.locator('.fr-alert--error').textContent()).toContain('Des présences sont déjà enregistrées');
    expect(await apiGet(`/v1/cafes/${ids.cafe}`, organizerToken)).toMatchObject({ status: 'held' });
  });

  it('works without JavaScript: schedule a café, reschedule it, cancel it through the confirmation step', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.fill('#token', organizerToken);
    await page.click('#token-sign-in button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/mes-cafes');
    await page.goto(`${api.url}/mes-cafes/nouveau`);
    await page.fill('#title', 'Débat : l’IA et le travail');
    await page.fill('#format', 'débat');
    await page.fill('#date', '2026-10-25');
    await page.fill('#time', '10:00');
    await page.click('button:has-text("Programmer le café")');
    await page.waitForURL(/\/mes-cafes\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    // on the day clocks go back, 10:00 in Paris is winter time
    expect(await apiGet(`/v1/cafes/${id}`, organizerToken)).toMatchObject({ startsAt: '2026-10-25T09:00:00.000Z', communeCode: '35238' });
    expect(await page.locator('#feuille-de-presence').textContent()).toContain('s’ouvre au début du café');
    await page.fill('#reschedule-date', '2026-11-05');
    await page.fill('#reschedule-time', '18:30');
    await page.click('button:has-text("Reprogrammer le café")');
    expect(await page.locator('.fr-alert--success').textContent()).toContain('reprogrammé');
    expect(await apiGet(`/v1/cafes/${id}`, organizerToken)).toMatchObject({ startsAt: '2026-11-05T17:30:00.000Z' });
    await page.click('a:has-text("Annuler ce café")');
    expect(new URL(page.url()).pathname).toBe(`/mes-cafes/${id}/annulation`);
    // nothing is cancelled until confirmed with a reason
    expect(await apiGet(`/v1/cafes/${id}`, organizerToken)).toMatchObject({ status: 'scheduled' });
    await page.fill('#reason', 'La salle n’est plus disponible.');
    await page.click('button:has-text("Confirmer l’annulation")');
    expect(new URL(page.url()).pathname).toBe(`/mes-cafes/${id}`);
    expect(await page.locator('.fr-alert--success').textContent()).toContain('annulé');
    expect(await apiGet(`/v1/cafes/${id}`, organizerToken)).toMatchObject({ status: 'cancelled', cancellationReason: 'La salle n’est plus disponible.' });
    await context.close();
  });
});
