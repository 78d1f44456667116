import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@cafeia/config';
import type { EventStore } from '@cafeia/event-store';
import { waitFor } from '@cafeia/testing';
import { createApp } from '../apps/api/src/bootstrap';
import type { ImportJobStore } from '../apps/api/src/imports/import-job.store';
import { ImportRunner } from '../apps/api/src/imports/import-runner';
import { ImportService } from '../apps/api/src/imports/import.service';
import { readSideModules } from '../apps/api/src/read-side/read-side.module';
import { IMPORT_JOBS } from '../apps/api/src/imports/import.tokens';
import { EVENT_STORE } from '../apps/api/src/infrastructure/tokens';
import { ApiHarness, startApi, TEST_SECRET } from './support/api-harness';

/**
 * « Importer un fichier » over plain HTTP (the browser suite drives it in Chromium): the dry run writes nothing,
 * the real import of the same file writes its rows, and a job is its owner's.
 */
describe('the import pages over HTTP', () => {
  let api: ApiHarness;
  let council: string;
  let rennes: string;

  const headPosition = () => api.app.get<EventStore>(EVENT_STORE).headPosition();
  const jobs = () => api.app.get<ImportJobStore>(IMPORT_JOBS).list(null, 100);

  /** two good cafés and, on line 3, a start that is not a date */
  const cafesCsv = () =>
    [
      'ref;structure_id;title;format;starts_at;commune_code',
      `CAFE-1;${rennes};L’IA au quotidien;atelier;05/06/2026 18:30;35238`,
      `CAFE-2;${rennes};Écrire avec l’IA;discussion;demain soir;35238`,
      `CAFE-3;${rennes};L’IA et l’emploi;atelier;12/06/2026 14:00;35238`,
    ].join('\r\n');

  /** a browser reduced to its cookie and the CSRF token of the last page */
  async function signedIn(claims: Parameters<ApiHarness['token']>[0]) {
    let cookie = '';
    let csrf = '';
    const send = async (method: string, path: string, body?: URLSearchParams | FormData) => {
      const response = await fetch(api.url + path, { method, redirect: 'manual', headers: { accept: 'text/html', cookie }, body });
      const set = response.headers.getSetCookie().map((c) => c.split(';')[0]);
      if (set.length > 0) cookie = set.join('; ');
      const text = await response.text();
      csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? /_csrf=([^"&]+)/.exec(text)?.[1] ?? csrf;
      return { status: response.status, text, location: response.headers.get('location') };
    };
    await send('GET', '/sign-in');
    const signIn = await send('POST', '/sign-in', new URLSearchParams({ _csrf: csrf, token: api.token(claims), returnTo: '/' }));
    expect(signIn.status).toBe(303);
    const upload = (file: string | Buffer, options: { kind?: string; withToken?: boolean } = {}) => {
      const form = new FormData();
      form.set('kind', options.kind ?? 'cafes');
      form.set('file', new Blob([file], { type: 'text/csv' }), 'cafes.csv');
      return send('POST', options.withToken === false ? '/mes-cafes/import' : `/mes-cafes/import?_csrf=${csrf}`, form);
    };
    return {
      get: (path: string) => send('GET', path),
      post: (path: string, form: Record<string, string> = {}) => send('POST', path, new URLSearchParams({ _csrf: decodeURIComponent(csrf), ...form })),
      upload,
    };
  }

  /** the job's page, once the job has ended */
  async function ended(browser: Awaited<ReturnType<typeof signedIn>>, path: string) {
    let page = await browser.get(path);
    await waitFor(`${path} to end`, async () => {
      page = await browser.get(path);
      return /data-status="(done|failed)"/.test(page.text);
    }, 30_000);
    return page;
  }

  beforeAll(async () => {
    // the pages wait for their own writes; the API's half-second read cache does not have to (no minPosition), so
    // the checks below that read the API right after a page's write would see the previous answer: no cache here
    api = await startApi({ CLOCK: '2026-06-15T12:00:00Z', READ_CACHE_MS: '0' });
    council = api.token({ role: 'council' });
    const structure = await api.request('POST', '/v1/structures', { token: council, body: { name: 'Médiathèque des Champs-Libres', kind: 'media_library', communeCode: '35238' } });
    rennes = structure.body.id;
    await api.request('GET', `/v1/structures/${rennes}?minPosition=${structure.body.position}`, { token: council });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows the organizer the kinds they may import, their templates, and links to it from « Mes cafés »', async () => {
    const organizer = await signedIn({ role: 'organizer', sub: 'organizer-a', structureIds: [rennes] });
    expect((await organizer.get('/mes-cafes')).text).toContain('href="/mes-cafes/import"');
    const form = await organizer.get('/mes-cafes/import');
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="kind" value="cafes"');
    expect(form.text).toContain('name="kind" value="attendance"');
    expect(form.text).not.toContain('name="kind" value="structures"');
    expect(form.text).toContain(rennes);
    const template = await organizer.get('/mes-cafes/import/modeles/cafes.csv');
    expect(template.status).toBe(200);
    expect(template.text).toMatch(/^\uFEFF?[^\r\n]*;/);
  });

  it('refuses an upload without its CSRF token with a 403, and starts no job', async () => {
    const organizer = await signedIn({ role: 'organizer', sub: 'organizer-a', structureIds: [rennes] });
    await organizer.get('/mes-cafes/import');
    const before = (await jobs()).length;
    const refused = await organizer.upload(cafesCsv(), { withToken: false });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Le formulaire a expiré');
    expect((await jobs()).length).toBe(before);
  });

  it('checks a file in a dry run that writes nothing and reports the bad row, then imports the same file for real', async () => {
    const organizer = await signedIn({ role: 'organizer', sub: 'organizer-a', structureIds: [rennes] });
    await organizer.get('/mes-cafes/import');
    const before = await headPosition();
    const sent = await organizer.upload(cafesCsv());
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/mes-cafes\/import\/[0-9a-f-]{36}$/);
    const report = await organizer.get(sent.location!);
    expect(report.status).toBe(200);
    expect(report.text).toContain('data-status="done"');
    expect(report.text).toContain('rien n’a été enregistré');
    expect(report.text).toMatch(/<tr data-line="3" data-field="starts_at">/);
    expect(report.text).toContain('data-figure="accepted" data-value="2"');
    expect(report.text).toContain('data-figure="rejected" data-value="1"');
    expect(await headPosition()).toBe(before);

    const real = await organizer.post(sent.location!);
    expect(real.status).toBe(303);
    expect(real.location).not.toBe(sent.location);
    const done = await ended(organizer, real.location!);
    expect(done.text).toContain('data-status="done"');
    expect(done.text).toContain('data-figure="accepted" data-value="2"');
    expect(done.text).toMatch(/<tr data-line="3" data-field="starts_at">/);
    const id = /[0-9a-f-]{36}$/.exec(real.location!)![0];
    const job = await api.request('GET', `/v1/imports/${id}`, { token: council });
    const cafes = await api.request('GET', `/v1/cafes?structureId=${rennes}&minPosition=${job.body.position}`, { token: council });
    expect(cafes.body.items.map((c: { title: string }) => c.title).sort()).toEqual(['L’IA au quotidien', 'L’IA et l’emploi']);

    // the dry run's file went with the import: posting it again is refused, and creates nothing more
    const again = await organizer.post(sent.location!);
    expect(again.status).toBe(409);
    expect(again.text).toContain('n’est plus conservé');
  });

  it('shows a job to its owner and the council only: another organizer gets a 404 and cannot import it', async () => {
    const owner = await signedIn({ role: 'organizer', sub: 'organizer-a', structureIds: [rennes] });
    await owner.get('/mes-cafes/import');
    const sent = await owner.upload(cafesCsv());
    expect(sent.status).toBe(303);
    const other = await signedIn({ role: 'organizer', sub: 'organizer-b', structureIds: [rennes] });
    expect((await other.get(sent.location!)).status).toBe(404);
    const before = (await jobs()).length;
    await other.get('/mes-cafes/import');
    expect((await other.post(sent.location!)).status).toBe(404);
    expect((await jobs()).length).toBe(before);
    // the council reads it, but does not import someone else's file under its own name
    const theCouncil = await signedIn({ role: 'council' });
    const read = await theCouncil.get(sent.location!);
    expect(read.status).toBe(200);
    expect(read.text).not.toContain('Importer pour de bon');
    expect((await theCouncil.post(sent.location!)).status).toBe(403);
    expect((await jobs()).length).toBe(before);
    expect((await other.get('/mes-cafes/import/pas-un-import')).status).toBe(404);
  });

  it('answers a file above 20 MB, a missing file or a refused file with the form and the reason in French', async () => {
    const organizer = await signedIn({ role: 'organizer', sub: 'organizer-a', structureIds: [rennes] });
    await organizer.get('/mes-cafes/import');
    const before = (await jobs()).length;
    const big = await organizer.upload(Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(big.status).toBe(413);
    expect(big.text).toContain('Le fichier dépasse 20 Mo');
    const empty = await organizer.upload('');
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Choisissez un fichier à vérifier.');
    const wrong = await organizer.upload('nom;prénom\r\nDupont;Camille');
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.text).toContain('Le fichier n’a pas pu être vérifié');
    expect((await jobs()).length).toBe(before);
  });
});

describe('the import page on the web surface (apps/web at scale)', () => {
  it('has the import service but no job runner: its jobs are run by the API processes, which share the job store', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cafeia-web-'));
    const config = loadConfig({ AUTH_SECRET: TEST_SECRET, DATA_DIR: dataDir, PORT: '0' });
    const app = await createApp(config, { logger: false, modules: readSideModules(config, 'web'), surface: 'web' });
    try {
      await app.init();
      expect(app.get(ImportService)).toBeInstanceOf(ImportService);
      expect(() => app.get(ImportRunner)).toThrow();
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
