import { importedId } from '../ids/imported-id';
import { planImport, type RowOutcome } from '../plan/plan-import';
import { all } from '../testing/fixtures';
import { coopExport, type CoopActivity } from '../testing/coop-export';
import { communeFromPlace } from './commune-from-place';

const STRUCTURE = '3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a';
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const workshop = (overrides: Partial<CoopActivity> = {}): CoopActivity => ({
  date: day(2025, 5, 28),
  type: 'Atelier collectif',
  participants: 9,
  channel: 'Lieu d’activité',
  place: 'Médiathèque Jean-Macé, 69002 Lyon',
  duration: 90,
  name: 'Café IA : les assistants conversationnels',
  themes: ['Culture numérique', 'Intelligence artificielle (IA)'],
  ...overrides,
});

const outcomesOf = async (activities: CoopActivity[], importerKey = 'mediator-1'): Promise<RowOutcome[]> =>
  all((await planImport(await coopExport(activities), { kind: 'coop_activities', importerKey, coopStructureId: STRUCTURE })).outcomes);

describe('La Coop’s activity export', () => {
  it('finds the table under the export details and turns an AI workshop into a café and its headcount', async () => {
    const [outcome] = await outcomesOf([workshop()]);
    expect(outcome.status).toBe('valid');
    if (outcome.status !== 'valid') return;
    const id = outcome.requests[0].operation === 'scheduleCafe' ? outcome.requests[0].body.id : '';
    expect(id).toBe(importedId('cafes', outcome.ref, 'mediator-1'));
    expect(outcome.line).toBe(18);
    expect(outcome.requests).toEqual([
      {
        operation: 'scheduleCafe',
        method: 'POST',
        path: '/v1/cafes',
        body: {
          id,
          structureId: STRUCTURE,
          title: 'Café IA : les assistants conversationnels',
          format: 'workshop',
          startsAt: '2025-05-28T12:00:00+02:00',
          endsAt: '2025-05-28T13:30:00+02:00',
          communeCode: '69382',
          online: false,
        },
      },
      { operation: 'recordAttendance', method: 'POST', path: `/v1/cafes/${id}/attendance`, cafeId: id, body: { anonymousCount: 9 } },
    ]);
  });

  it('skips individual support and workshops on other themes, saying why', async () => {
    const outcomes = await outcomesOf([workshop({ type: 'Accompagnement individuel', participants: 1 }), workshop({ themes: ['E-mail', 'Bureautique'] })]);
    expect(outcomes).toEqual([
      { status: 'skipped', line: 18, reason: expect.stringContaining('seuls les ateliers collectifs') },
      { status: 'skipped', line: 19, reason: expect.stringContaining('Intelligence artificielle') },
    ]);
  });

  it('a later export with more activities gives the same cafés the same ids, and two identical workshops stay two', async () => {
    const first = await outcomesOf([workshop(), workshop()]);
    const later = await outcomesOf([workshop({ date: day(2025, 4, 2), name: 'Découvrir l’IA' }), workshop(), workshop(), workshop({ participants: 12, date: day(2025, 6, 3) })]);
    const refs = (outcomes: RowOutcome[]) => outcomes.map((o) => (o.status === 'valid' ? o.ref : null));
    expect(new Set(refs(first)).size).toBe(2);
    expect(refs(later).slice(1, 3)).toEqual(refs(first));
  });

  it('a corrected headcount keeps the café and replaces its count', async () => {
    const [before] = await outcomesOf([workshop({ participants: 9 })]);
    const [after] = await outcomesOf([workshop({ participants: 11 })]);
    expect(after.status === 'valid' && after.ref).toBe(before.status === 'valid' && before.ref);
    expect(after.status === 'valid' && after.requests[1]).toMatchObject({ body: { anonymousCount: 11 } });
  });

  it('a remote workshop is online; no participants means no attendance request; no name gets a dated title', async () => {
    const [remote] = await outcomesOf([workshop({ channel: 'À distance', place: 'Structure employeuse : Le duc, ', participants: 0, name: '' })]);
    expect(remote.status === 'valid' && remote.requests).toEqual([
      { operation: 'scheduleCafe', method: 'POST', path: '/v1/cafes', body: expect.objectContaining({ online: true, title: 'Atelier IA du 28/05/2025' }) },
    ]);
    expect(remote.status === 'valid' && remote.requests[0].operation === 'scheduleCafe' && remote.requests[0].body.communeCode).toBeUndefined();
  });
});

describe('the commune of a La Coop place', () => {
  it('is the postal code’s only commune, or the one whose name matches', () => {
    expect(communeFromPlace('Médiathèque Jean-Macé, 69002 Lyon')).toBe('69382');
    expect(communeFromPlace('01500 Ambérieu-en-Bugey')).toBe('01004');
    expect(communeFromPlace('Espace numérique, 01500 AMBRONAY')).toBe('01007');
    expect(communeFromPlace('01500 Ailleurs')).toBeNull();
    expect(communeFromPlace('Structure employeuse : Le duc, ')).toBeNull();
  });
});
