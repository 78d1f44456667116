import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiHarness, startApi } from './support/api-harness';

/**
 * Funders' audits over real HTTP on real SQLite files: figures, anomalies, scopes, CSV, the digest,
 * asOf, and a stored event edited behind the API's back.
 */

/** the audit, wired as in the product (its café directory is the read side's), on a kept DATA_DIR pinned at `clock` */
const startAuditApi = (dataDir: string, clock: string): Promise<ApiHarness> => startApi({ DATA_DIR: dataDir, CLOCK: clock });

const JUNE_15 = '2026-06-15T12:00:00Z';
const JUNE_20 = '2026-06-20T12:00:00Z';

describe('funders’ audits (embedded default)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cafeia-audit-e2e-'));
  let api: ApiHarness;
  let council: string;
  const ids = {} as Record<'funderA' | 'funderB' | 'lyon' | 'paris' | 'fundingA' | 'fundingB' | 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7', string>;
  let reportOnJune15: any;
  let lastPosition = '0';

  const post = async (path: string, body: unknown) => {
    const written = await api.ok('POST', path, { token: council, body });
    lastPosition = written.position;
    return written;
  };
  /** the read side's café directory lags the store: wait for it to hold every café written */
  const settle = async () => {
    expect((await api.request('GET', `/v1/progress?minPosition=${lastPosition}`, { token: council })).status).toBe(200);
  };
  const get = (path: string, token = council) => api.request('GET', path, { token });
  const cafe = async (structureId: string, startsAt: string, extra: Record<string, unknown> = {}) =>
    (await post('/v1/cafes', { structureId, title: 'L’IA au quotidien', format: 'discussion', startsAt, ...extra })).id as string;
  const attendance = (cafeId: string, body: unknown) => post(`/v1/cafes/${cafeId}/attendance`, body);
  const email = (name: string) => ({ email: `${name}@example.org` });

  beforeAll(async () => {
    api = await startAuditApi(dataDir, JUNE_15);
    council = api.token({ role: 'council' });
    ids.funderA = (await post('/v1/funders', { name: 'Région Auvergne-Rhône-Alpes', kind: 'public' })).id;
    ids.funderB = (await post('/v1/funders', { name: 'Fondation Numérique', kind: 'private' })).id;
    ids.lyon = (await post('/v1/structures', { name: 'Médiathèque de Lyon', kind: 'media_library', communeCode: '69123' })).id;
    ids.paris = (await post('/v1/structures', { name: 'Centre social Belleville', kind: 'social_centre', communeCode: '75056' })).id;
    const period = { from: '2026-01-01', to: '2026-12-31' };
    ids.fundingA = (await post('/v1/fundings', { funderId: ids.funderA, structureIds: [ids.lyon, ids.paris], ...period, amountEuros: 50000, targets: { people: 100, cafes: 10 } })).id;
    ids.fundingB = (await post('/v1/fundings', { funderId: ids.funderB, structureIds: [ids.lyon], ...period })).id;

    // held above capacity: 3 named (2 enrolled first) + 1 anonymous for 3 seats
    ids.c1 = await cafe(ids.lyon, '2026-06-10T18:00:00+02:00', { endsAt: '2026-06-10T20:00:00+02:00', capacity: 3, title: 'Café de l’été — découverte' });
    await post(`/v1/cafes/${ids.c1}/enrolments`, { participant: email('anne') });
    await post(`/v1/cafes/${ids.c1}/enrolments`, { participant: email('bruno') });
    await attendance(ids.c1, { attendees: [email('anne'), email('bruno'), email('chloe')], anonymousCount: 1 });
    // a headcount only, though someone enrolled, in a Paris arrondissement
    ids.c2 = await cafe(ids.paris, '2026-06-01T18:00:00+02:00', { communeCode: '75111' });
    await post(`/v1/cafes/${ids.c2}/enrolments`, { participant: email('denis') });
    await attendance(ids.c2, { anonymousCount: 5 });
    ids.c3 = await cafe(ids.lyon, '2026-07-01T18:00:00+02:00'); // to come
    ids.c4 = await cafe(ids.lyon, '2026-06-12T18:00:00+02:00');
    await post(`/v1/cafes/${ids.c4}/cancel`, { reason: 'salle indisponible' });
    ids.c5 = await cafe(ids.lyon, '2026-05-01T10:00:00+02:00'); // nothing reported
    ids.c6 = await cafe(ids.lyon, '2025-12-01T10:00:00+01:00'); // before the period
    await attendance(ids.c6, { anonymousCount: 10 });
    ids.c7 = await cafe(ids.paris, '2026-06-05T18:00:00+02:00'); // one person only
    await attendance(ids.c7, { attendees: [email('anne')] });
    await settle();
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('on 15 June', () => {
    it('gives the funder its funding’s report: cafés of the period, figures, targets and anomalies', async () => {
      const funder = api.token({ role: 'funder', funderId: ids.funderA });
      const res = await get(`/v1/fundings/${ids.fundingA}/audit`, funder);
      expect(res.status).toBe(200);
      const report = res.body;
      reportOnJune15 = report;
      expect(report.funding).toMatchObject({ fundingId: ids.fundingA, funderId: ids.funderA, from: '2026-01-01', to: '2026-12-31', targets: { people: 100, cafes: 10 } });
      expect(report.funder).toEqual({ funderId: ids.funderA, name: 'Région Auvergne-Rhône-Alpes', kind: 'public' });
      expect(report.period).toMatchObject({ from: '2026-01-01', to: '2026-12-31', timeZone: 'Europe/Paris' });
      const lyon = report.structures.find((s: any) => s.structureId === ids.lyon);
      const paris = report.structures.find((s: any) => s.structureId === ids.paris);
      expect(lyon.name).toBe('Médiathèque de Lyon');
      expect(lyon.cafes.map((c: any) => c.cafeId)).toEqual([ids.c5, ids.c1, ids.c4, ids.c3]); // by start; c6 is before the period
      expect(lyon.cafes.find((c: any) => c.cafeId === ids.c1)).toMatchObject({
        title: 'Café de l’été — découverte',
        status: 'held',
        enrolled: 3,
        attendedNamed: 3,
        anonymous: 1,
        attendances: 4,
      });
      expect(paris.cafes.map((c: any) => [c.cafeId, c.status])).toEqual([
        [ids.c2, 'held'],
        [ids.c7, 'held'],
      ]);
      expect(report.figures).toEqual({
        attendances: 10,
        distinctParticipants: 3,
        anonymousAttendees: 6,
        peopleReached: 9,
        cafesHeld: 3,
        cafesScheduled: 1,
        cafesCancelled: 1,
        structuresActive: 2,
        shareOutsideParis: 1 / 3,
        animatorsTrained: null,
        animatorsInTraining: null,
        shareTrainedCapable: null,
      });
      expect(lyon.figures).toMatchObject({ attendances: 4, distinctParticipants: 3, peopleReached: 4, cafesHeld: 1, shareOutsideParis: 1 });
      expect(paris.figures).toMatchObject({ attendances: 6, distinctParticipants: 1, peopleReached: 6, cafesHeld: 2, shareOutsideParis: 0 });
      expect(report.targets).toEqual({ people: { target: 100, reached: 9, progress: 0.09 }, cafes: { target: 10, held: 3, progress: 0.3 } });
      expect(report.anomalies.map((a: any) => [a.cafeId, a.code])).toEqual([
        [ids.c5, 'attendance_unreported'],
        [ids.c1, 'attendance_above_capacity'],
        [ids.c2, 'headcount_without_named_attendees'],
        [ids.c7, 'attendance_implausible'],
      ]);
      expect(report.evidence).toEqual({ events: expect.any(Number), streams: 11, algorithm: 'sha256', digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(res.headers.get('x-evidence-digest')).toBe(report.evidence.digest);
    });

    it('carries the same digest every time the same events are read', async () => {
      const again = await get(`/v1/fundings/${ids.fundingA}/audit`);
      expect(again.body.evidence).toEqual(reportOnJune15.evidence);
      expect(again.body.figures).toEqual(reportOnJune15.figures);
    });

    it('exports the same figures as CSV, readable by a French spreadsheet', async () => {
      const res = await get(`/v1/fundings/${ids.fundingA}/audit.csv`, api.token({ role: 'funder', funderId: ids.funderA }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="audit-${ids.fundingA}.csv"`);
      const bytes = Buffer.from(await (await fetch(`${api.url}/v1/fundings/${ids.fundingA}/audit.csv`, { headers: { authorization: `Bearer ${council}` } })).arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark
      const [header, ...rows] = res.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(';'));
      const col = (name: string) => header.indexOf(name);
      const cafes = reportOnJune15.structures.flatMap((s: any) => s.cafes);
      expect(rows.map((r) => r[col('cafeId')])).toEqual(cafes.map((c: any) => c.cafeId));
      const sum = (name: string) => rows.reduce((n, r) => n + Number(r[col(name)]), 0);
      expect(sum('attendances')).toBe(reportOnJune15.figures.attendances);
      expect(sum('anonymous')).toBe(reportOnJune15.figures.anonymousAttendees);
      const c1 = rows.find((r) => r[col('cafeId')] === ids.c1)!;
      expect(c1[col('title')]).toBe('Café de l’été — découverte');
      expect(c1[col('structureName')]).toBe('Médiathèque de Lyon');
      expect(c1[col('anomalies')]).toBe('attendance_above_capacity');
    });

    it('keeps a funder to its own fundings; the council reads them all', async () => {
      const funderA = api.token({ role: 'funder', funderId: ids.funderA });
      const refused = await get(`/v1/fundings/${ids.fundingB}/audit`, funderA);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((await get(`/v1/fundings/${ids.fundingB}/audit.csv`, funderA)).status).toBe(403);
      expect((await get(`/v1/fundings/${ids.fundingB}/audit/verify`, funderA)).status).toBe(403);
      expect((await get(`/v1/fundings/${ids.fundingB}/audit`, api.token({ role: 'funder', funderId: ids.funderB }))).status).toBe(200);
      expect((await get(`/v1/fundings/${ids.fundingB}/audit`)).status).toBe(200);
      expect((await get(`/v1/fundings/${ids.fundingA}/audit`, api.token({ role: 'organizer', structureIds: [ids.lyon] }))).status).toBe(403);
      expect((await api.request('GET', `/v1/fundings/${ids.fundingA}/audit`)).status).toBe(401);
    });

    it('answers 404 for an unknown funding and 400 for a malformed asOf, as problems', async () => {
      const unknown = await get(`/v1/fundings/${randomUUID()}/audit`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ status: 404, code: 'funding_not_found' });
      expect((await get(`/v1/fundings/${randomUUID()}/audit/verify`)).status).toBe(404);
      for (const asOf of ['2026-02-30', '15/06/2026', '2026-06-15T00:00:00Z', 'yesterday']) {
        const bad = await get(`/v1/fundings/${ids.fundingA}/audit?asOf=${encodeURIComponent(asOf)}`);
        expect(bad.status).toBe(400);
        expect(bad.headers.get('content-type')).toContain('application/problem+json');
        expect(bad.body.errors.map((e: any) => e.field)).toContain('asOf');
      }
      expect((await get(`/v1/fundings/${ids.fundingA}/audit.csv?asOf=2026-13-01`)).status).toBe(400);
    });

    it('verifies the chain of every event behind the report', async () => {
      const res = await get(`/v1/fundings/${ids.fundingA}/audit/verify`, api.token({ role: 'funder', funderId: ids.funderA }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ verified: true, eventsChecked: expect.any(Number), streamsChecked: 11 });
      expect(res.body.eventsChecked).toBeGreaterThanOrEqual(reportOnJune15.evidence.events);
    });
  });

  describe('five days later', () => {
    let fundingAudit: any;

    beforeAll(async () => {
      await api.close();
      api = await startAuditApi(dataDir, JUNE_20);
      await attendance(ids.c5, { anonymousCount: 4 }); // 50 days after the café
      await post(`/v1/cafes/${ids.c1}/reschedule`, { startsAt: '2026-06-11T18:00:00+02:00', endsAt: '2026-06-11T20:00:00+02:00' });
      await settle();
      fundingAudit = (await get(`/v1/fundings/${ids.fundingA}/audit`)).body;
    });

    it('counts the late attendance and reports it, with the café moved after attendance', () => {
      expect(fundingAudit.figures).toMatchObject({ attendances: 14, anonymousAttendees: 10, peopleReached: 13, cafesHeld: 4 });
      expect(fundingAudit.anomalies.map((a: any) => [a.cafeId, a.code])).toEqual([
        // by structure (in the funding's order), then by café start
        [ids.c5, 'attendance_recorded_late'],
        [ids.c1, 'attendance_above_capacity'],
        [ids.c1, 'rescheduled_after_attendance'],
        [ids.c2, 'headcount_without_named_attendees'],
        [ids.c7, 'attendance_implausible'],
      ]);
      expect(fundingAudit.evidence.digest).not.toBe(reportOnJune15.evidence.digest);
    });

    it('reproduces the report of 15 June with asOf, digest included', async () => {
      const res = await get(`/v1/fundings/${ids.fundingA}/audit?asOf=2026-06-15`, api.token({ role: 'funder', funderId: ids.funderA }));
      expect(res.status).toBe(200);
      expect(res.body.asOf).toMatchObject({ date: '2026-06-15', at: '2026-06-15T22:00:00.000Z' });
      expect(res.body.figures).toEqual(reportOnJune15.figures);
      expect(res.body.anomalies).toEqual(reportOnJune15.anomalies);
      expect(res.body.evidence).toEqual(reportOnJune15.evidence);
      const csv = await get(`/v1/fundings/${ids.fundingA}/audit.csv?asOf=2026-06-15`);
      expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="audit-${ids.fundingA}-asof-2026-06-15.csv"`);
      expect(csv.headers.get('x-evidence-digest')).toBe(reportOnJune15.evidence.digest);
    });

    it('knows no funding on a day before it was granted', async () => {
      expect((await get(`/v1/fundings/${ids.fundingA}/audit?asOf=2026-06-14`)).status).toBe(404);
    });

    it('detects an event edited in the SQLite file, names it, and the digest moves', async () => {
      expect((await get(`/v1/fundings/${ids.fundingA}/audit/verify`)).body.verified).toBe(true);
      await api.close();

      const db = new Database(join(dataDir, 'events.db'));
      const row = db
        .prepare<[string], { event_id: string; position: number; data: string }>(
          "SELECT event_id, position, data FROM events WHERE stream_id = ? AND type = 'AnonymousHeadcountDeclared'",
        )
        .get(`cafe-${ids.c1}`)!;
      const data = JSON.parse(row.data);
      expect(data.count).toBe(1);
      db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(JSON.stringify({ ...data, count: 40 }), row.event_id);
      db.close();

      api = await startAuditApi(dataDir, JUNE_20);
      const res = await get(`/v1/fundings/${ids.fundingA}/audit/verify`, api.token({ role: 'funder', funderId: ids.funderA }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        verified: false,
        firstMismatch: { eventId: row.event_id, streamId: `cafe-${ids.c1}`, position: String(row.position), reason: 'chain_hash_mismatch' },
      });
      const tampered = (await get(`/v1/fundings/${ids.fundingA}/audit`)).body;
      expect(tampered.evidence.digest).not.toBe(fundingAudit.evidence.digest);
    });
  });
});
