import { computeAuditReport } from './compute-audit-report';
import { AuditWorld, cafeIn, ELSEWHERE, FUNDER, FUNDING, LYON, PARIS } from './testing/audit-world';

const NOW = '2026-06-15T12:00:00Z';

describe('the audit report of a funding', () => {
  it('names the funding, its funder and its period in Paris days', () => {
    const report = new AuditWorld().report(NOW);
    expect(report.funding).toEqual({
      fundingId: FUNDING,
      funderId: FUNDER,
      structureIds: [LYON, PARIS],
      from: '2026-01-01',
      to: '2026-12-31',
      amountEuros: 50_000,
      targets: { people: 100, cafes: 10 },
    });
    expect(report.funder).toEqual({ funderId: FUNDER, name: 'Région Auvergne-Rhône-Alpes', kind: 'public' });
    expect(report.period).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      timeZone: 'Europe/Paris',
      startsAtFrom: '2025-12-31T23:00:00.000Z',
      startsAtBefore: '2026-12-31T23:00:00.000Z',
    });
    expect(report.structures.map((s) => [s.structureId, s.name])).toEqual([
      [LYON, 'Médiathèque s-lyon'],
      [PARIS, 'Médiathèque s-paris'],
    ]);
  });

  it('covers the cafés of the supported structures whose start lies in the period, as Paris days', () => {
    const world = new AuditWorld();
    world.cafe('new-year-paris-time', { startsAt: '2026-01-01T00:30:00+01:00' }); // 2025-12-31T23:30Z: in
    world.cafe('new-year-eve', { startsAt: '2025-12-31T23:30:00+01:00' });
    world.cafe('last-evening', { startsAt: '2026-12-31T23:30:00+01:00' });
    world.cafe('next-year', { startsAt: '2027-01-01T00:00:00+01:00' });
    world.cafe('not-funded', { structureId: ELSEWHERE, startsAt: '2026-03-01T10:00:00+01:00' });
    const report = world.report(NOW);
    expect(report.structures[0].cafes.map((c) => c.cafeId)).toEqual(['new-year-paris-time', 'last-evening']);
    expect(report.structures[1].cafes).toEqual([]);
  });

  it('follows a café moved into or out of the period by a reschedule', () => {
    const world = new AuditWorld();
    world.cafe('moved-in', { startsAt: '2025-12-01T10:00:00Z' });
    world.reschedule('moved-in', '2026-02-01T10:00:00Z', '2025-12-01T10:00:00Z', false, '2026-01-05T10:00:00Z');
    world.cafe('moved-out', { startsAt: '2026-02-01T10:00:00Z' });
    world.reschedule('moved-out', '2027-02-01T10:00:00Z', '2026-02-01T10:00:00Z', false, '2026-01-05T10:00:00Z');
    expect(world.report(NOW).structures[0].cafes.map((c) => [c.cafeId, c.startsAt])).toEqual([['moved-in', '2026-02-01T10:00:00Z']]);
  });

  it('gives each café its status and its enrolled, named, anonymous and total attendance', () => {
    const world = new AuditWorld();
    world.cafe('held', { startsAt: '2026-05-01T14:00:00Z', capacity: 20 });
    world.enrol('held', 'p-anne', '2026-04-20T10:00:00Z');
    world.enrol('held', 'p-bob', '2026-04-20T10:00:00Z');
    world.enrol('held', 'p-chloe', '2026-04-20T10:00:00Z');
    world.cancelEnrolment('held', 'p-chloe', '2026-04-21T10:00:00Z');
    world.attend('held', ['p-anne', 'p-dan'], '2026-05-01T16:00:00Z');
    world.headcount('held', 4, 0, '2026-05-01T16:00:00Z');
    world.cafe('cancelled', { startsAt: '2026-05-02T14:00:00Z' });
    world.cancel('cancelled', '2026-04-30T10:00:00Z');
    world.cafe('to-come', { startsAt: '2026-07-01T14:00:00Z' });
    const report = world.report(NOW);
    expect(cafeIn(report, 'held')).toMatchObject({ status: 'held', enrolled: 3, attendedNamed: 2, anonymous: 4, attendances: 6, capacity: 20 });
    expect(cafeIn(report, 'cancelled')).toMatchObject({ status: 'cancelled', enrolled: 0, attendances: 0 });
    expect(cafeIn(report, 'to-come')).toMatchObject({ status: 'scheduled', attendances: 0 });
  });

  describe('figures, with the dashboards’ definitions', () => {
    const world = new AuditWorld();
    world.cafe('lyon-1', { startsAt: '2026-03-01T14:00:00Z' });
    world.attend('lyon-1', ['p-anne', 'p-bob'], '2026-03-01T16:00:00Z');
    world.headcount('lyon-1', 3, 0, '2026-03-01T16:00:00Z');
    world.cafe('lyon-2', { startsAt: '2026-04-01T14:00:00Z', communeCode: '69381' });
    world.attend('lyon-2', ['p-anne', 'p-chloe'], '2026-04-01T16:00:00Z');
    world.cafe('lyon-cancelled', { startsAt: '2026-04-02T14:00:00Z' });
    world.cancel('lyon-cancelled', '2026-03-30T10:00:00Z');
    world.cafe('lyon-next', { startsAt: '2026-09-01T14:00:00Z' });
    world.cafe('paris-1', { structureId: PARIS, startsAt: '2026-05-01T14:00:00Z', communeCode: '75111' });
    world.attend('paris-1', ['p-anne'], '2026-05-01T16:00:00Z');
    world.headcount('paris-1', 5, 0, '2026-05-01T16:00:00Z');
    const report = world.report(NOW);

    it('counts per structure', () => {
      expect(report.structures[0].figures).toEqual({
        attendances: 7, // 2 + 3 anonymous + 2
        distinctParticipants: 3, // anne, bob, chloe: anne once
        anonymousAttendees: 3,
        peopleReached: 6,
        cafesHeld: 2,
        cafesScheduled: 1,
        cafesCancelled: 1,
        structuresActive: 1,
        shareOutsideParis: 1,
        animatorsTrained: null,
        animatorsInTraining: null,
        shareTrainedCapable: null,
      });
      expect(report.structures[1].figures).toMatchObject({ attendances: 6, distinctParticipants: 1, anonymousAttendees: 5, peopleReached: 6, shareOutsideParis: 0 });
    });

    it('counts a person once in the total even when they attended in two structures', () => {
      expect(report.figures).toEqual({
        attendances: 13,
        distinctParticipants: 3,
        anonymousAttendees: 8,
        peopleReached: 11,
        cafesHeld: 3,
        cafesScheduled: 1,
        cafesCancelled: 1,
        structuresActive: 2,
        shareOutsideParis: 2 / 3, // an arrondissement of Paris (75111) is Paris
        animatorsTrained: null,
        animatorsInTraining: null,
        shareTrainedCapable: null,
      });
    });

    it('measures progress against the funding’s targets', () => {
      expect(report.targets).toEqual({ people: { target: 100, reached: 11, progress: 0.11 }, cafes: { target: 10, held: 3, progress: 0.3 } });
    });
  });

  it('has no share outside Paris and no progress when nothing is held and no target is set', () => {
    const world = new AuditWorld({ targets: { people: null, cafes: 0 } });
    world.cafe('to-come', { startsAt: '2026-07-01T14:00:00Z' });
    const report = world.report(NOW);
    expect(report.figures.shareOutsideParis).toBeNull();
    expect(report.targets).toEqual({ people: { target: null, reached: 0, progress: null }, cafes: { target: 0, held: 0, progress: null } });
  });

  it('includes a structure added to the funding later', () => {
    const world = new AuditWorld();
    world.cafe('elsewhere', { structureId: ELSEWHERE, startsAt: '2026-03-01T14:00:00Z' });
    world.attend('elsewhere', ['p-anne', 'p-bob', 'p-chloe'], '2026-03-01T16:00:00Z');
    world.addStructure(ELSEWHERE, '2026-04-01T10:00:00Z');
    const report = world.report(NOW);
    expect(report.funding.structureIds).toEqual([LYON, PARIS, ELSEWHERE]);
    expect(report.structures[2]).toMatchObject({ structureId: ELSEWHERE, cafes: [{ cafeId: 'elsewhere', attendances: 3 }] });
  });

  it('is null for a funding without a grant among the events', () => {
    const world = new AuditWorld();
    expect(computeAuditReport({ ...world.input(), funding: [], now: new Date(NOW) })).toBeNull();
  });

  describe('asOf: the report as it stood at the end of a Paris day', () => {
    const world = new AuditWorld();
    world.cafe('c', { startsAt: '2026-06-10T16:00:00Z' });
    world.attend('c', ['p-anne', 'p-bob'], '2026-06-15T21:59:59Z'); // 23:59:59 in Paris (summer time)
    world.headcount('c', 4, 0, '2026-06-15T22:00:00Z'); // already 16 June in Paris
    world.addStructure(ELSEWHERE, '2026-06-20T10:00:00Z');

    it('leaves out what was recorded after the end of that day in Paris', () => {
      const report = world.report('2026-06-25T12:00:00Z', '2026-06-15');
      expect(cafeIn(report, 'c')).toMatchObject({ attendedNamed: 2, anonymous: 0, attendances: 2 });
      expect(report.funding.structureIds).toEqual([LYON, PARIS]);
      expect(report.asOf).toEqual({ date: '2026-06-15', at: '2026-06-15T22:00:00.000Z', position: expect.any(String) });
      const today = world.report('2026-06-25T12:00:00Z');
      expect(cafeIn(today, 'c')).toMatchObject({ attendedNamed: 2, anonymous: 4, attendances: 6 });
      expect(today.asOf.date).toBeNull();
      expect(today.funding.structureIds).toEqual([LYON, PARIS, ELSEWHERE]);
    });

    it('is the report that was computed that day, digest included', () => {
      const later = new AuditWorld();
      later.cafe('c', { startsAt: '2026-06-10T16:00:00Z' });
      later.attend('c', ['p-anne', 'p-bob'], '2026-06-15T10:00:00Z');
      const sentThatDay = later.report('2026-06-15T21:59:59Z');
      later.headcount('c', 4, 0, '2026-06-16T08:00:00Z');
      later.cafe('d', { startsAt: '2026-06-20T16:00:00Z', recordedAt: '2026-06-17T08:00:00Z' });
      const reproduced = later.report('2026-06-25T12:00:00Z', '2026-06-15');
      expect(later.report('2026-06-25T12:00:00Z').evidence.digest).not.toBe(sentThatDay.evidence.digest);
      expect(reproduced.figures).toEqual(sentThatDay.figures);
      expect(reproduced.structures).toEqual(sentThatDay.structures);
      expect(reproduced.evidence).toEqual(sentThatDay.evidence);
    });

    it('knows no funding before it was granted', () => {
      expect(computeAuditReport({ ...world.input(), now: new Date(NOW), asOf: '2025-12-31' })).toBeNull();
    });
  });
});
