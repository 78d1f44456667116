import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPersonalData, openSqliteVault, type PersonalDataVault } from '@cafeia/personal-data';
import type { EventStore } from '@cafeia/event-store';
import { EVENT_STORE, VAULT } from '../apps/api/src/infrastructure/tokens';
import { retentionCommand } from '../apps/api/src/participants/retention-command';
import { RetentionJob } from '../apps/api/src/participants/retention.job';
import { vaultCommand } from '../apps/api/src/participants/vault-command';
import { OpenFigures } from '../apps/api/src/public/open-figures';
import { ApiHarness, startApi, TEST_SECRET } from './support/api-harness';

/**
 * Retention: people registered in January 2024 and never seen again are erased by the job in June 2026
 * (RETENTION_MONTHS=24) the way DELETE /v1/participants/{id} erases — their sealed data can no longer be opened,
 * the key is gone — while someone who came back in 2026 is kept, and every figure stays as it was. The dry run
 * says how many would go and changes nothing. The same DATA_DIR then gets a key-encryption key by rotation.
 */
describe('retention of personal data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cafeia-retention-'));
  const kek = randomBytes(32).toString('base64');
  const later = { DATA_DIR: dataDir, CLOCK: '2026-06-15T12:00:00Z', RETENTION_MONTHS: '24', VAULT_KEK: kek };
  let api: ApiHarness;
  let council: string;
  const people: Record<string, string> = {};

  const post = (path: string, body: unknown) => api.ok('POST', path, { token: council, body });
  const caughtUp = async () => {
    const head = await api.app.get<symbol, EventStore>(EVENT_STORE).headPosition();
    await api.request('GET', `/v1/progress?minPosition=${head ?? 0}`, { token: council });
  };
  /** every figure a dashboard or the open data shows */
  const figures = async () => {
    await caughtUp();
    const read = async (path: string) => {
      const { asOf: _asOf, ...body } = (await api.request('GET', path, { token: council })).body;
      return body;
    };
    await api.app.get(OpenFigures).refresh();
    return {
      progress: await read('/v1/progress'),
      regions: await read('/v1/territories?level=region'),
      department: await read('/v1/territories/department/35'),
      structures: await read('/v1/structures'),
      cafes: await read('/v1/cafes?pageSize=500'),
      open: (await api.request('GET', '/public/v1/figures')).body.items,
    };
  };
  const sealed = async (participantId: string) => {
    const events = await api.app.get<symbol, EventStore>(EVENT_STORE).readStream(`participant-${participantId}`);
    return (events.find((e) => e.type === 'ParticipantRegistered')!.data as { personalData: string }).personalData;
  };

  beforeAll(async () => {
    // January 2024: two people attend, one enrols in a café to come; nobody with a key-encryption key yet
    api = await startApi({ DATA_DIR: dataDir, CLOCK: '2024-01-10T10:00:00Z' });
    council = api.token({ role: 'council' });
    const structure = (await post('/v1/structures', { name: 'Médiathèque', kind: 'media_library', communeCode: '35238' })).id;
    const old = (await post('/v1/cafes', { structureId: structure, title: 'Premier café', format: 'atelier', startsAt: '2024-01-09T18:00:00+01:00' })).id;
    const attendance = await post(`/v1/cafes/${old}/attendance`, { attendees: [{ email: 'ancienne@example.org' }, { email: 'revenue@example.org' }, { phone: '+33611223344' }], anonymousCount: 12 });
    [people.old, people.returning, people.byPhone] = attendance.participantIds;
    const next = (await post('/v1/cafes', { structureId: structure, title: 'Café de février', format: 'atelier', startsAt: '2024-02-01T18:00:00+01:00' })).id;
    people.enrolledOnly = (await post(`/v1/cafes/${next}/enrolments`, { participant: { email: 'inscrite@example.org', name: 'Inès Inscrite' } })).participantId;
    await caughtUp();
    await api.close();

    // June 2026: one of them comes back
    api = await startApi(later);
    council = api.token({ role: 'council' });
    const recent = (await post('/v1/cafes', { structureId: structure, title: 'Café de juin', format: 'atelier', startsAt: '2026-06-01T18:00:00+02:00' })).id;
    const back = await post(`/v1/cafes/${recent}/attendance`, { attendees: [{ email: 'revenue@example.org' }], anonymousCount: 3 });
    expect(back.participantIds).toEqual([people.returning]);
    await caughtUp();
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the dry run says how many would go, and changes nothing', async () => {
    const lines: string[] = [];
    expect(await retentionCommand(['--dry-run'], { ...later, AUTH_SECRET: TEST_SECRET }, (line) => lines.push(line))).toBe(0);
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'retention dry run', retentionMonths: 24, cutoff: '2024-06-15T12:00:00.000Z', wouldErase: 3 });
    expect(lines[1]).toMatch(/^3 people .* would be erased/);
    expect(await api.app.get(RetentionJob).dryRun()).toEqual({ outcome: 'dry-run', cutoff: '2024-06-15T12:00:00.000Z', people: 3 });
    const vault = api.app.get<symbol, PersonalDataVault>(VAULT);
    for (const id of Object.values(people)) expect(await vault.getKey(id)).not.toBeNull();
    expect(await retentionCommand([], { ...later, AUTH_SECRET: TEST_SECRET }, () => undefined)).toBe(2);
  });

  it('the job erases the people inactive for 24 months: their data can no longer be opened, and every figure is unchanged', async () => {
    const before = await figures();
    const vault = api.app.get<symbol, PersonalDataVault>(VAULT);
    expect(openPersonalData(await vault.getKey(people.old), await sealed(people.old))).toEqual({ email: 'ancienne@example.org' });

    expect(await api.app.get(RetentionJob).run()).toEqual({ outcome: 'done', cutoff: '2024-06-15T12:00:00.000Z', people: 3 });

    for (const id of [people.old, people.byPhone, people.enrolledOnly]) {
      expect(await vault.getKey(id)).toBeNull();
      expect(openPersonalData(await vault.getKey(id), await sealed(id))).toBeNull();
      const erased = await api.app.get<symbol, EventStore>(EVENT_STORE).readStream(`participant-${id}`);
      expect(erased.map((e) => e.type)).toEqual(['ParticipantRegistered', 'ParticipantErased']);
    }
    expect(openPersonalData(await vault.getKey(people.returning), await sealed(people.returning))).toEqual({ email: 'revenue@example.org' });
    expect(await figures()).toEqual(before);
    expect(before.progress.figures.peopleReached).toBe(3 + 15); // three named people and fifteen without contact: the figures count something

    const metrics = (await api.request('GET', '/metrics', { token: council })).text;
    expect(metrics).toMatch(/^cafeia_retention_erased_total 3$/m);
    expect(metrics).toMatch(/^cafeia_retention_runs_total\{outcome="done"\} 1$/m);
  });

  it('a second run finds nobody left to erase', async () => {
    await caughtUp();
    expect(await api.app.get(RetentionJob).run()).toMatchObject({ outcome: 'done', people: 0 });
  });

  it('npm run vault -- --rotate-kek wraps the keys stored before the KEK: a copy of DATA_DIR alone opens none', async () => {
    const returning = await sealed(people.returning);
    await api.close();
    const lines: string[] = [];
    expect(await vaultCommand(['--rotate-kek'], { ...later, AUTH_SECRET: TEST_SECRET }, (line) => lines.push(line))).toBe(0);
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'vault key-encryption key rotated', rewrapped: expect.any(Number), alreadyCurrent: expect.any(Number) });
    expect(JSON.parse(lines[0]).rewrapped).toBeGreaterThanOrEqual(2); // the returning person's key and the participant-id secret

    const withoutKek = await openSqliteVault({ dataDir });
    await expect(withoutKek.getKey(people.returning)).rejects.toThrow(/VAULT_KEK/);
    await withoutKek.close();
    const withKek = await openSqliteVault({ dataDir, kek: Buffer.from(kek, 'base64') });
    expect(openPersonalData(await withKek.getKey(people.returning), returning)).toEqual({ email: 'revenue@example.org' });
    await withKek.close();

    api = await startApi(later);
    council = api.token({ role: 'council' });
    // the API with its KEK still recognises the person (the participant-id secret is wrapped too)
    const cafes = (await api.request('GET', '/v1/cafes', { token: council })).body.items;
    const again = await post(`/v1/cafes/${cafes[cafes.length - 1].id}/attendance`, { attendees: [{ email: 'revenue@example.org' }] });
    expect(again.participantIds).toEqual([people.returning]);
  });
});
