import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';

const now = '2026-06-15T12:00:00Z';
const world = () =>
  new EventLog().add(
    on.structureRegistered('lib', '69123', 'Bibliothèque'),
    on.structureRegistered('asso', '69266', 'Association'),
    on.structureRegistered('mairie', '13055', 'Mairie'),
    on.cafeScheduled('held-lyon', { structureId: 'lib', communeCode: '69381', startsAt: '2026-06-01T10:00:00Z', format: 'workshop' }),
    on.enrolled('held-lyon', 'p1'),
    on.enrolled('held-lyon', 'p2'),
    on.attended('held-lyon', 'p1'),
    on.attended('held-lyon', 'p2'),
    on.cafeScheduled('held-villeurbanne', { structureId: 'asso', communeCode: '69266', startsAt: '2026-06-02T10:00:00Z' }),
    on.headcount('held-villeurbanne', 5),
    on.cafeScheduled('next-lyon', { structureId: 'lib', communeCode: '69123', startsAt: '2026-06-20T10:00:00Z' }),
    on.enrolled('next-lyon', 'p9'),
    on.cafeScheduled('later-lyon', { structureId: 'asso', communeCode: '69385', startsAt: '2026-07-20T10:00:00Z' }),
    on.cafeScheduled('cancelled', { structureId: 'mairie', communeCode: '13055', startsAt: '2026-06-25T10:00:00Z' }),
    on.cafeCancelled('cancelled', 'no room'),
    on.cafeScheduled('marseille', { structureId: 'mairie', communeCode: '13201', startsAt: '2026-06-03T10:00:00Z' }),
    on.attended('marseille', 'p1'),
    on.animatorRegistered('a1', '69123', 'Alice'),
    on.animatorRegistered('a2', '13055', 'Bruno'),
    on.trainingEnrolled('a2'),
    on.targetSet('department', '69', 50),
  );

describeOnBothDialects('read-model queries', (dialect) => {
  const ready = async () => {
    const side = await freshReadSide(dialect, { now, target: 26_220 });
    await side.apply(world());
    return side;
  };

  it("reports a region with its departments as children, upcoming cafés and top structures", async () => {
    const side = await ready();
    const report = await side.queries.territory('region', '84');
    expect(report).toMatchObject({ code: '84', level: 'region', name: 'Auvergne-Rhône-Alpes' });
    expect(report!.figures).toMatchObject({ peopleReached: 7, cafesHeld: 2, cafesScheduled: 2, structuresActive: 2 });
    // apportioned by population: 8M of 26.22M
    expect(report!.target).toBe(8000);
    expect(report!.children.map((c) => [c.code, c.figures.peopleReached])).toEqual([['69', 7]]);
    expect(report!.upcomingCafes.map((c) => c.id)).toEqual(['next-lyon', 'later-lyon']);
    expect(report!.topStructures.map((s) => [s.id, s.peopleReached])).toEqual([
      ['asso', 5],
      ['lib', 2],
    ]);
  });

  it('reports a department with its communes with activity, and the target set for it', async () => {
    const side = await ready();
    const report = await side.queries.territory('department', '69');
    expect(report!.target).toBe(50);
    expect(report!.progress).toBeCloseTo(7 / 50);
    expect(report!.children.map((c) => [c.code, c.name, c.figures.peopleReached])).toEqual([
      ['69123', 'Lyon', 2],
      ['69266', 'Villeurbanne', 5],
    ]);
  });

  it('answers null for a territory that does not exist', async () => {
    const side = await ready();
    expect(await side.queries.territory('region', '99')).toBeNull();
  });

  it('ranks every territory of a level by people reached', async () => {
    const side = await ready();
    const regions = await side.queries.territories('region');
    expect(regions.total).toBe(5);
    expect(regions.items.map((r) => [r.rank, r.code, r.figures.peopleReached])).toEqual([
      [1, '84', 7],
      [2, '93', 1],
      [3, '02', 0],
      [4, '04', 0],
      [5, '11', 0],
    ]);
    const page2 = await side.queries.territories('commune', { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 8 });
    expect(page2.items.map((r) => r.rank)).toEqual([3, 4]);
  });

  it('filters the cafés directory by territory, dates, status, format and structures', async () => {
    const side = await ready();
    const ids = async (q: Parameters<typeof side.queries.cafes>[0]) => (await side.queries.cafes(q)).items.map((c) => c.id);
    expect(await ids({ territory: 'commune:69123' })).toEqual(['held-lyon', 'next-lyon', 'later-lyon']);
    expect(await ids({ territory: 'commune:69385' })).toEqual(['later-lyon']);
    expect(await ids({ territory: 'region:93', status: 'cancelled' })).toEqual(['cancelled']);
    expect(await ids({ status: 'held' })).toEqual(['held-lyon', 'held-villeurbanne', 'marseille']);
    expect(await ids({ status: 'scheduled' })).toEqual(['next-lyon', 'later-lyon']);
    expect(await ids({ from: '2026-06-02', to: '2026-06-20' })).toEqual(['held-villeurbanne', 'marseille', 'next-lyon']);
    expect(await ids({ format: 'workshop' })).toEqual(['held-lyon']);
    expect(await ids({ structureIds: ['mairie'] })).toEqual(['marseille', 'cancelled']);
    expect(await ids({ structureIds: [] })).toEqual([]);
    const page = await side.queries.cafes({ page: 2, pageSize: 2 });
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 6 });
  });

  it('shows one café with its counts and status', async () => {
    const side = await ready();
    expect(await side.queries.cafe('next-lyon')).toMatchObject({ status: 'scheduled', enrolled: 1, attendedNamed: 0, anonymous: 0, awaitingAttendance: false, communeCode: '69123' });
    expect(await side.queries.cafe('held-lyon')).toMatchObject({ status: 'held', enrolled: 2, attended: 2, anonymous: 0, attendances: 2 });
    expect(await side.queries.cafe('cancelled')).toMatchObject({ status: 'cancelled', cancellationReason: 'no room' });
    expect(await side.queries.cafe('nope')).toBeNull();
  });

  it('lists structures by engagement with their last café', async () => {
    const side = await ready();
    const page = await side.queries.structures({ sort: 'engagement' });
    expect(page.items.map((s) => [s.id, s.peopleReached, s.cafesHeld, s.lastCafeAt])).toEqual([
      ['asso', 5, 1, '2026-06-02T10:00:00.000Z'],
      ['lib', 2, 1, '2026-06-01T10:00:00.000Z'],
      ['mairie', 1, 1, '2026-06-03T10:00:00.000Z'],
    ]);
    expect((await side.queries.structures({ territory: 'department:13' })).items.map((s) => s.name)).toEqual(['Mairie']);
    expect((await side.queries.structures({})).items.map((s) => s.name)).toEqual(['Association', 'Bibliothèque', 'Mairie']);
  });

  it('lists animators with their training status, by territory and status', async () => {
    const side = await ready();
    expect((await side.queries.animators({ training: 'enrolled' })).items.map((a) => a.displayName)).toEqual(['Bruno']);
    expect((await side.queries.animators({ territory: 'region:84' })).items).toEqual([
      expect.objectContaining({ id: 'a1', trainingStatus: 'none', training: { status: 'none', capable: null, updatedAt: null } }),
    ]);
  });
});
