import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import type { EventStore } from '@cafeia/event-store';
import { importedId } from '@cafeia/imports';
import { csv, xlsx } from '@cafeia/imports/testing/fixtures';
import { sheetXml, workbookAround } from '@cafeia/imports/testing/zip-writer';
import { waitFor } from '@cafeia/testing';
import { signToken } from '../apps/api/src/auth/jwt';
import { EVENT_STORE } from '../apps/api/src/infrastructure/tokens';
import { ApiHarness, startApi } from './support/api-harness';
import { dist, ROOT, RunningProcess, startEmbeddedApi } from './support/processes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Answer = { status: number; body: any };

/** the file as the body of POST /v1/imports (a stream goes chunked, without a length) */
async function upload(base: string, token: string, kind: string, body: string | Buffer | Readable, options: { type?: string; dryRun?: boolean; query?: string; length?: number } = {}): Promise<Answer> {
  const query = `kind=${kind}${options.dryRun ? '&dryRun=true' : ''}${options.query ?? ''}`;
  const url = new URL(`/v1/imports?${query}`, base);
  return new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}`, 'content-type': options.type ?? 'text/csv' };
    if (options.length !== undefined) headers['content-length'] = options.length;
    else if (!(body instanceof Readable)) headers['content-length'] = Buffer.byteLength(body);
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        // stop sending what the server refused, and free the connection
        req.destroy();
        if (body instanceof Readable) body.destroy();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    // the server may answer and close before the whole body is sent (a 413): the answer is what counts
    req.on('error', (error) => setTimeout(() => reject(error), 2_000));
    if (body instanceof Readable) {
      body.on('error', () => undefined);
      body.pipe(req);
    } else req.end(body);
  });
}

async function job(base: string, token: string, id: string): Promise<any> {
  let last: any;
  await waitFor(
    `import ${id} to end`,
    async () => {
      last = await (await fetch(`${base}/v1/imports/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();
      return last.status === 'done' || last.status === 'failed';
    },
    30_000,
  );
  return last;
}

/** a file imported to its end: the job */
async function imported(base: string, token: string, kind: string, body: string | Buffer, options: { type?: string; dryRun?: boolean; query?: string } = {}): Promise<any> {
  const answer = await upload(base, token, kind, body, options);
  expect(answer).toMatchObject({ status: 202, body: { id: expect.any(String), status: options.dryRun ? 'done' : 'queued' } });
  return job(base, token, answer.body.id);
}

/** a stream of `total` bytes made of `line` repeated, produced as it is read */
function repeated(head: string, line: string, count: number): Readable {
  let sent = 0;
  const chunk = line.repeat(Math.max(1, Math.floor(65_536 / line.length)));
  const perChunk = Math.floor(chunk.length / line.length);
  return new Readable({
    read() {
      if (sent === 0) this.push(head);
      if (sent >= count) return void this.push(null);
      const n = Math.min(perChunk, count - sent);
      sent += n;
      this.push(n === perChunk ? chunk : line.repeat(n));
    },
  });
}

const STRUCTURES = csv([
  ['référence', 'nom', 'type', 'code commune (INSEE)'],
  ['S-LYON', 'Médiathèque Jean-Macé', 'médiathèque', '69387'],
  ['S-RENNES', 'Tiers-lieu des Champs', 'tiers-lieu', '35238'],
  ['S-PARIS', 'Centre social Belleville', 'centre social', '75120'],
]);

const CAFES = csv([
  ['ref', 'structure_ref', 'title', 'format', 'starts_at', 'ends_at', 'capacity'],
  ['C-1', 'S-LYON', 'L’IA au quotidien', 'discussion', '12/03/2026 18:30', '12/03/2026 20:00', '30'],
  ['C-2', 'S-RENNES', 'IA et emploi', 'atelier', '02/04/2026 14:00', '', ''],
  ['C-3', 'S-PARIS', 'Démêler le vrai du faux', 'discussion', '2026-05-20T18:00:00+02:00', '', '20'],
  ['C-4', 'S-LYON', 'Le café à venir', 'discussion', '20/09/2026 18:00', '', ''],
]);

const attendanceRows = (): string[][] => {
  const rows = [['référence', 'référence du café', 'e-mail', 'téléphone', 'nom', 'participants anonymes']];
  for (let i = 1; i <= 30; i++) rows.push([`P-${i}`, `C-${1 + (i % 3)}`, `personne.${i % 24}@example.org`, '', `Personne ${i % 24}`, '']);
  rows.push(['P-PHONE', 'C-1', '', '06 12 34 56 78', 'Sans e-mail', '']);
  rows.push(['H-1', 'C-1', '', '', '', '7'], ['H-2', 'C-2', '', '', '', '3']);
  return rows;
};

describe('imports through the API', () => {
  let api: ApiHarness;
  let council: string;
  let store: EventStore;

  beforeAll(async () => {
    api = await startApi();
    council = api.token({ role: 'council', sub: 'importer:council' });
    store = api.app.get(EVENT_STORE);
  });
  afterAll(() => api.close());

  const head = () => store.headPosition();
  const progress = async (position: string | null) => (await api.request('GET', `/v1/progress${position ? `?minPosition=${position}` : ''}`, { token: council })).body.figures;
  const jobsOf = async (token: string) => (await api.request('GET', '/v1/imports', { token })).body.items as unknown[];

  describe('templates', () => {
    it('are served as CSV with the French headers to the roles that import, not to others', async () => {
      const res = await api.request('GET', '/v1/imports/templates/cafes.csv', { token: api.token({ role: 'organizer', structureIds: [] }) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="modele-cafes.csv"');
      expect(res.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('référence;référence de la structure;titre;format;début;fin;code commune (INSEE);capacité;public;en ligne');
      expect((await api.request('GET', '/v1/imports/templates/structures.xlsx', { token: council })).headers.get('content-type')).toBe(XLSX);
      expect((await api.request('GET', '/v1/imports/templates/coop_activities.csv', { token: council })).status).toBe(404);
      expect((await api.request('GET', '/v1/imports/templates/cafes.csv', { token: api.token({ role: 'funder', funderId: 'f' }) })).status).toBe(403);
      expect((await api.request('GET', '/v1/imports/templates/cafes.csv')).status).toBe(401);
    });
  });

  describe('a bad file gets its problem and writes nothing', () => {
    // each case: what is sent, the status and code it gets
    const cases: [string, number, string, () => Promise<{ kind: string; body: string | Buffer | Readable; type?: string; length?: number }>][] = [
      ['a file of another kind', 422, 'wrong_kind', async () => ({ kind: 'cafes', body: STRUCTURES })],
      ['missing columns', 422, 'missing_columns', async () => ({ kind: 'structures', body: 'ref;name\nS-1;Médiathèque\n' })],
      ['an empty file', 422, 'empty_file', async () => ({ kind: 'structures', body: '' })],
      ['headers and no row', 400, 'no_data_rows', async () => ({ kind: 'structures', body: 'ref;name;kind;commune_code\n' })],
      ['a binary sent as CSV', 415, 'binary_file', async () => ({ kind: 'structures', body: Buffer.concat([Buffer.from('ref;name;kind;commune_code\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))]) })],
      ['a PDF sent as CSV', 415, 'unsupported_format', async () => ({ kind: 'structures', body: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n') })],
      [
        'a zip bomb disguised as .xlsx (it inflates past what it declares)',
        413,
        'uncompressed_too_large',
        async () => ({ kind: 'structures', type: XLSX, body: workbookAround({ name: 'sheet', data: Buffer.from(sheetXml([['ref', 'name', 'kind', 'commune_code']]) + ' '.repeat(8 * 1024 * 1024)), declaredSize: 2048 }) }),
      ],
      [
        'merged cells in the table',
        422,
        'merged_cells',
        async () => ({
          kind: 'structures',
          type: XLSX,
          body: await xlsx([['ref', 'name', 'kind', 'commune_code'], ['S-1', 'Médiathèque', 'médiathèque', '69123'], ['S-2', '', 'mairie', '69123']], (sheet) => sheet.mergeCells('B2:B3')),
        }),
      ],
      ['1,000,000 rows (streamed)', 413, 'too_many_rows', async () => ({ kind: 'attendance', body: repeated('ref;cafe_ref;anonymous_count\n', 'R;C;1\n', 1_000_000) })],
      ['200 MB declared', 413, 'body_too_large', async () => ({ kind: 'structures', body: repeated('ref;name;kind;commune_code\n', 'S;x;mairie;69123\n', 12_500_000), length: 200 * 1024 * 1024 })],
      ['200 MB streamed without a length', 413, 'body_too_large', async () => ({ kind: 'structures', body: repeated('ref;name;kind;commune_code\n', 'S;x;mairie;69123\n', 12_500_000) })],
      ['a PDF media type', 415, 'unsupported_media_type', async () => ({ kind: 'structures', body: STRUCTURES, type: 'application/pdf' })],
      ['JSON', 415, 'unsupported_media_type', async () => ({ kind: 'structures', body: JSON.stringify({ rows: [] }), type: 'application/json' })],
    ];

    it.each(cases)('%s: %i %s, nothing appended, no job', async (_name, status, code, make) => {
      const token = api.token({ role: 'council', sub: `bad-file:${code}:${status}` });
      const before = await head();
      const rssBefore = process.memoryUsage().rss;
      const { kind, body, type, length } = await make();
      const answer = await upload(api.url, token, kind, body, { type, length });
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ status, code });
      expect(typeof answer.body.detail).toBe('string');
      expect(await head()).toBe(before);
      expect(await jobsOf(token)).toEqual([]);
      // the process stays within its memory: at most the 20 MB upload and its reading
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(160 * 1024 * 1024);
    }, 30_000);

    it('a CSV sent to another API route is a 415: only the import takes a file', async () => {
      const res = await api.request('POST', '/v1/structures', { token: council, rawBody: STRUCTURES, headers: { 'content-type': 'text/csv' } });
      expect(res.status).toBe(415);
      expect(res.body.detail).toBe('Send JSON with Content-Type: application/json.');
    });

    it('a kind that is not one is a 400 naming the parameter', async () => {
      const answer = await upload(api.url, council, 'people', STRUCTURES);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'kind', message: expect.stringContaining('structures, animators, cafes, attendance, coop_activities') }]);
    });
  });

  describe('formulas', () => {
    it('a formula gives the value the sheet shows; one saved without a value is that row’s error, naming the cell', async () => {
      const file = await xlsx(
        [
          ['ref', 'name', 'kind', 'commune_code'],
          ['F-1', 'Mairie', 'mairie', '35238'],
          ['F-2', 'Médiathèque', 'médiathèque', '35238'],
        ],
        (sheet) => {
          sheet.getCell('B2').value = { formula: 'CONCATENATE("Mairie ","de Rennes")', result: 'Mairie de Rennes' } as never;
          sheet.getCell('D3').value = { formula: 'D2' } as never;
        },
      );
      const done = await imported(api.url, council, 'structures', file, { type: XLSX, dryRun: true });
      expect(done).toMatchObject({ status: 'done', rows: 2, accepted: 1, rejected: 1 });
      expect(done.errors).toEqual([{ line: 3, field: 'commune_code', message: expect.stringContaining('D3') }]);
    });
  });

  describe('a valid year of files', () => {
    const files = async () => [
      { kind: 'structures', body: STRUCTURES },
      {
        kind: 'animators',
        type: XLSX,
        body: await xlsx([
          ['référence', 'nom affiché', 'code commune (INSEE)', 'référence de la structure', 'formation', 'se sent capable d’accompagner sur l’IA'],
          ['A-1', 'Camille D.', '69387', 'S-LYON', 'formé', 'oui'],
          ['A-2', 'Nora B.', '35238', 'S-RENNES', 'en formation', ''],
          ['A-3', 'Hugo L.', '75120', 'S-PARIS', 'formé', 'non'],
          ['A-4', 'Inès M.', '35238', '', '', ''],
        ]),
      },
      { kind: 'cafes', body: CAFES },
      { kind: 'attendance', body: csv(attendanceRows()) },
    ];

    it('imported twice leaves every figure unchanged and creates nothing the second time', async () => {
      let position: string | null = null;
      for (const file of await files()) {
        const done = await imported(api.url, council, file.kind, file.body, { type: file.type });
        expect(done).toMatchObject({ status: 'done', rejected: 0, errors: [] });
        expect(done.accepted).toBe(done.rows);
        position = done.position;
      }
      const first = await progress(position);
      expect(first).toMatchObject({
        cafesHeld: 3,
        cafesScheduled: 1,
        distinctParticipants: 25,
        anonymousAttendees: 10,
        peopleReached: 35,
        animatorsTrained: 2,
        animatorsInTraining: 1,
        shareTrainedCapable: 0.5,
        shareOutsideParis: expect.closeTo(2 / 3, 5),
      });
      const afterFirst = await head();

      for (const file of await files()) {
        const again = await imported(api.url, council, file.kind, file.body, { type: file.type });
        expect(again).toMatchObject({ status: 'done', rejected: 0 });
        expect(again.accepted).toBe(again.rows);
      }
      expect(await head()).toBe(afterFirst);
      expect(await progress(afterFirst)).toEqual(first);

      // the ids are the rows' own: the café of ref C-1 is where its people are counted
      const cafe = await api.request('GET', `/v1/cafes/${importedId('cafes', 'C-1', 'importer:council')}?minPosition=${afterFirst}`, { token: council });
      expect(cafe.status).toBe(200);
      expect(cafe.body).toMatchObject({ title: 'L’IA au quotidien', anonymous: 7 });
    });

    it('a dry run checks every row and writes nothing', async () => {
      const token = api.token({ role: 'council', sub: 'importer:dry-run' });
      const before = await head();
      const done = await imported(api.url, token, 'cafes', CAFES.replace('12/03/2026 18:30', 'demain soir'), { dryRun: true });
      expect(done).toMatchObject({ status: 'done', dryRun: true, rows: 4, processed: 4, accepted: 3, rejected: 1, position: null });
      expect(done.errors).toEqual([{ line: 2, field: 'starts_at', message: expect.any(String) }]);
      expect(await head()).toBe(before);
    });
  });

  describe('a corrected file', () => {
    it('fixes only its rejected rows', async () => {
      const token = api.token({ role: 'council', sub: 'importer:corrections' });
      await imported(api.url, token, 'structures', STRUCTURES);
      const rows = [
        ['ref', 'structure_ref', 'title', 'format', 'starts_at'],
        ['K-1', 'S-LYON', 'Un', 'discussion', '10/02/2026 18:00'],
        ['K-2', 'S-RENNES', 'Deux', 'discussion', '31/02/2026 18:00'],
        ['K-3', 'S-NOWHERE', 'Trois', 'discussion', '12/02/2026 18:00'],
        ['K-4', 'S-PARIS', 'Quatre', 'discussion', '13/02/2026 18:00'],
      ];
      const first = await imported(api.url, token, 'cafes', csv(rows));
      expect(first).toMatchObject({ status: 'done', rows: 4, accepted: 2, rejected: 2 });
      expect(first.errors).toEqual([
        { line: 3, field: 'starts_at', message: expect.any(String) },
        { line: 4, field: 'structure_ref', message: expect.stringContaining('Aucune structure') },
      ]);
      const before = await head();

      rows[2][4] = '28/02/2026 18:00';
      rows[3][1] = 'S-LYON';
      const corrected = await imported(api.url, token, 'cafes', csv(rows));
      expect(corrected).toMatchObject({ status: 'done', accepted: 4, rejected: 0 });
      // two cafés scheduled, one event each; the rows accepted the first time add nothing
      expect(BigInt((await head())!) - BigInt(before!)).toBe(2n);
    });
  });

  describe('scopes', () => {
    it('a coordinator’s rows outside their territory are rejected rows, the others go in', async () => {
      const coordinator = api.token({ role: 'coordinator', territory: 'region:84', sub: 'coordinator:aura' });
      const done = await imported(
        api.url,
        coordinator,
        'structures',
        csv([
          ['ref', 'name', 'kind', 'commune_code'],
          ['Z-1', 'Mairie de Villeurbanne', 'mairie', '69266'],
          ['Z-2', 'Centre social Belleville', 'centre social', '75120'],
          ['Z-3', 'Médiathèque de Grenoble', 'médiathèque', '38185'],
        ]),
      );
      expect(done).toMatchObject({ status: 'done', accepted: 2, rejected: 1 });
      expect(done.errors).toEqual([{ line: 3, field: 'commune_code', message: 'Hors de votre périmètre (votre territoire : region:84) : vous ne pouvez pas enregistrer une structure dans cette commune.' }]);
      // a dry run says the same without writing
      const dry = await imported(api.url, coordinator, 'structures', csv([['ref', 'name', 'kind', 'commune_code'], ['Z-9', 'Mairie', 'mairie', '75120']]), { dryRun: true });
      expect(dry).toMatchObject({ accepted: 0, rejected: 1, errors: [{ line: 2, field: 'commune_code' }] });
      // what the role may not write at all is refused whole
      expect((await upload(api.url, coordinator, 'cafes', CAFES)).status).toBe(403);
      expect((await upload(api.url, api.token({ role: 'funder', funderId: 'f-1' }), 'structures', STRUCTURES)).status).toBe(403);
    });

    it('an organizer’s cafés of another structure are rejected rows, naming the column the file has', async () => {
      await imported(api.url, council, 'structures', STRUCTURES);
      const lyon = importedId('structures', 'S-LYON', 'importer:council');
      const rennes = importedId('structures', 'S-RENNES', 'importer:council');
      const organizer = api.token({ role: 'organizer', structureIds: [lyon], sub: 'organizer:lyon' });
      const done = await imported(
        api.url,
        organizer,
        'cafes',
        csv([
          ['ref', 'structure_id', 'title', 'format', 'starts_at'],
          ['O-1', lyon, 'À Lyon', 'discussion', '10/03/2026 18:00'],
          ['O-2', rennes, 'À Rennes', 'discussion', '11/03/2026 18:00'],
        ]),
      );
      expect(done).toMatchObject({ accepted: 1, rejected: 1 });
      expect(done.errors).toEqual([{ line: 3, field: 'structure_id', message: expect.stringContaining('Hors de votre périmètre') }]);
    });
  });

  describe('a job', () => {
    it('is visible only to who started it, and to the council', async () => {
      const mine = api.token({ role: 'coordinator', territory: 'department:35', sub: 'coordinator:ille-et-vilaine' });
      const done = await imported(api.url, mine, 'structures', csv([['ref', 'name', 'kind', 'commune_code'], ['V-1', 'Mairie de Rennes', 'mairie', '35238']]));
      expect((await api.request('GET', `/v1/imports/${done.id}`, { token: mine })).status).toBe(200);
      expect((await api.request('GET', `/v1/imports/${done.id}`, { token: council })).status).toBe(200);
      const other = api.token({ role: 'coordinator', territory: 'department:35', sub: 'coordinator:someone-else' });
      const hidden = await api.request('GET', `/v1/imports/${done.id}`, { token: other });
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('unknown_import');
      expect((await jobsOf(other)).length).toBe(0);
      expect((await jobsOf(mine)).length).toBe(1);
      expect(done).toMatchObject({ kind: 'structures', format: 'csv', startedAt: expect.any(String), finishedAt: expect.any(String), position: expect.stringMatching(/^\d+$/) });
    });
  });
});

/**
 * A job survives its process: the API is SIGKILLed half-way through an attendance file, after some rows were sent
 * and before they were counted; started again, it resumes from its last committed row. Every figure then equals
 * that of the same file imported without interruption, and each row is counted once.
 */
describe('an import interrupted by a crash', () => {
  const SECRET = 'imports-crash-secret-0123456789-0123456789';
  const dirs: string[] = [];
  let api: RunningProcess | null = null;
  let port = 0;
  const token = signToken({ sub: 'crash:importer', role: 'council' }, SECRET, Math.floor(Date.now() / 1000));

  afterAll(() => {
    api?.child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function start(dataDir: string, env: Record<string, string> = {}): Promise<void> {
    ({ process: api, port } = await startEmbeddedApi({ dataDir, secret: SECRET, env }));
  }
  const base = () => `http://127.0.0.1:${port}`;
  const figures = async (url: string, bearer: string, position: string) =>
    ((await (await fetch(`${url}/v1/progress?minPosition=${position}`, { headers: { authorization: `Bearer ${bearer}` } })).json()) as any).figures;

  const attendance = () => {
    const rows = [['ref', 'cafe_ref', 'email', 'name', 'anonymous_count']];
    for (let i = 0; i < 600; i++) rows.push([`P-${i}`, `C-${i % 4}`, `crash.${i % 450}@example.org`, `Personne ${i}`, '']);
    for (let c = 0; c < 4; c++) rows.push([`H-${c}`, `C-${c}`, '', '', String(5 + c)]);
    return csv(rows);
  };
  const setup = async (url: string, bearer: string) => {
    await imported(url, bearer, 'structures', STRUCTURES);
    await imported(url, bearer, 'cafes', csv([['ref', 'structure_ref', 'title', 'format', 'starts_at'], ...[0, 1, 2, 3].map((c) => [`C-${c}`, 'S-LYON', `Café ${c}`, 'discussion', `0${c + 1}/03/2026 18:00`])]));
  };

  it('resumes from its last committed row: figures equal an uninterrupted import, each row counted once', async () => {
    // the reference: the same files into a fresh embedded default (same clock, same stores), no crash; in this
    // process, as only the crashed run needs a process of its own
    const reference = await startApi();
    let expected: unknown;
    try {
      const bearer = reference.token({ role: 'council', sub: 'crash:importer' });
      await setup(reference.url, bearer);
      const uninterrupted = await imported(reference.url, bearer, 'attendance', attendance());
      expect(uninterrupted).toMatchObject({ status: 'done', rows: 604, accepted: 604 });
      expected = await figures(reference.url, bearer, uninterrupted.position);
    } finally {
      await reference.close();
    }
    expect(expected).toMatchObject({ distinctParticipants: 450, anonymousAttendees: 26 });

    const dataDir = mkdtempSync(join(tmpdir(), 'cafeia-import-crash-'));
    dirs.push(dataDir);
    await start(dataDir, { CAFEIA_FAULT: 'kill-mid-import' });
    await setup(base(), token);
    const sent = await upload(base(), token, 'attendance', attendance());
    expect(sent.status).toBe(202);
    expect(await api!.exited).toBeNull(); // killed by a signal half-way
    const left = new Database(join(dataDir, 'api.db'), { readonly: true });
    const stored = left.prepare('select status, processed, rows from import_jobs where id = ?').get(sent.body.id) as { status: string; processed: number; rows: number };
    left.close();
    expect(stored.status).toBe('running');
    expect(stored.processed).toBeGreaterThan(0);
    expect(stored.processed).toBeLessThan(stored.rows);

    await start(dataDir);
    const resumed = await job(base(), token, sent.body.id);
    expect(resumed).toMatchObject({ status: 'done', rows: 604, processed: 604, accepted: 604, rejected: 0 });
    expect(await figures(base(), token, resumed.position)).toEqual(expected);
  }, 120_000);
});

describe('npm run import', () => {
  let api: ApiHarness;
  let dir: string;
  beforeAll(async () => {
    api = await startApi();
    dir = mkdtempSync(join(tmpdir(), 'cafeia-import-cli-'));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'import.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: join(dir, 'unused'), ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('against a running API: exits 0 when every row went in, 1 when rows were rejected (with the report), 2 on a refused file or bad arguments', async () => {
    dist('apps/api/src/imports/cli/import-cli.js');
    const token = api.token({ role: 'council', sub: 'cli:test' });
    const good = join(dir, 'structures.csv');
    writeFileSync(good, STRUCTURES);
    const ok = await cli(['--kind', 'structures', '--file', good, '--url', api.url, '--token', token]);
    expect(ok.stdout).toContain('Import terminé : 3 ligne(s), 3 acceptée(s), 0 refusée(s).');
    expect(ok.code).toBe(0);

    const partly = join(dir, 'partly.csv');
    writeFileSync(partly, csv([['ref', 'name', 'kind', 'commune_code'], ['X-1', 'Mairie', 'mairie', '35238'], ['X-2', 'Mairie', 'château', '35238']]));
    const rejected = await cli(['--kind', 'structures', '--file', partly, '--url', api.url, '--token', token]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain('1 acceptée(s), 1 refusée(s)');
    expect(rejected.stdout).toMatch(/ligne 3, colonne « kind » : /);

    const dry = await cli(['--kind', 'structures', '--file', partly, '--dry-run', '--url', api.url, '--token', token]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Vérification (rien n’a été écrit) terminé');

    // a file over 20 MB is refused before anything is sent: no job is started
    const big = join(dir, 'big.csv');
    writeFileSync(big, STRUCTURES);
    truncateSync(big, 21 * 1024 * 1024);
    // a coordinator, who sees only their own jobs (the council sees everyone's)
    const bigToken = api.token({ role: 'coordinator', territory: 'region:84', sub: 'cli:too-large' });
    const tooLarge = await cli(['--kind', 'structures', '--file', big, '--url', api.url, '--token', bigToken]);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toContain('le fichier dépasse 20 Mo');
    expect((await api.request('GET', '/v1/imports', { token: bigToken })).body.items).toEqual([]);

    const refused = await cli(['--kind', 'cafes', '--file', good, '--url', api.url, '--token', token]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Fichier refusé (422)');

    const wrong = await Promise.all([
      cli(['--kind', 'people', '--file', good]),
      cli(['--kind', 'structures', '--file', join(dir, 'missing.csv')]),
      cli(['--kind', 'structures', '--file', good, '--url', api.url]),
    ]);
    expect(wrong.map((run) => run.code)).toEqual([2, 2, 2]);
    expect(wrong[0].stderr).toContain('--kind doit valoir');
  }, 90_000);

  it('without --url: writes the embedded default’s DATA_DIR in its own process, as the council; the same file again adds nothing', async () => {
    const dataDir = join(dir, 'embedded');
    const file = join(dir, 'embedded.csv');
    writeFileSync(file, STRUCTURES);
    const env = { DATA_DIR: dataDir, AUTH_SECRET: 'imports-cli-secret-0123456789-0123456789', CLOCK: '2026-06-15T12:00:00Z', EVENT_STORE: 'sqlite', READ_MODELS: 'sqlite', KAFKA_BROKERS: '', DATABASE_URL: '' };
    const events = () => {
      const db = new Database(join(dataDir, 'events.db'), { readonly: true });
      try {
        return (db.prepare('select count(*) as n from events').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const first = await cli(['--kind', 'structures', '--file', file], env);
    expect(first.stdout).toContain('Import terminé : 3 ligne(s), 3 acceptée(s), 0 refusée(s).');
    expect(first.code).toBe(0);
    expect(events()).toBe(3);
    const again = await cli(['--kind', 'structures', '--file', file], env);
    expect(again.code).toBe(0);
    expect(events()).toBe(3);
  }, 90_000);
});
