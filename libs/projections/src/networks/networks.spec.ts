import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';

const now = '2026-06-15T12:00:00Z';

/** two structures in Lyon, one in Marseille; p1 attends a café of each, p2 of the library only */
const history = () =>
  new EventLog().add(
    on.structureRegistered('lib', '69123', 'Bibliothèque'),
    on.structureRegistered('asso', '69266', 'Association'),
    on.structureRegistered('mairie', '13055', 'Mairie'),
    on.cafeScheduled('c-lib', { structureId: 'lib', communeCode: '69381', startsAt: '2026-05-01T10:00:00Z' }),
    on.attended('c-lib', 'p1'),
    on.attended('c-lib', 'p2'),
    on.headcount('c-lib', 3),
    on.cafeScheduled('c-asso', { structureId: 'asso', communeCode: '69266', startsAt: '2026-05-02T10:00:00Z' }),
    on.attended('c-asso', 'p1'),
    on.cafeScheduled('c-mairie', { structureId: 'mairie', communeCode: '13201', startsAt: '2026-05-03T10:00:00Z' }),
    on.attended('c-mairie', 'p1'),
    on.attended('c-mairie', 'p3'),
    on.cafeScheduled('c-next', { structureId: 'mairie', communeCode: '13055', startsAt: '2026-07-03T10:00:00Z' }),
    on.networkCreated('n1', 'Réseau Canopé', 'public_operator'),
  );

describeOnBothDialects('partner networks', (dialect) => {
  const ready = async (...more: Parameters<EventLog['add']>) => {
    const side = await freshReadSide(dialect, { now });
    await side.apply(history().add(...more), 3);
    return side;
  };

  it('counts the cafés of its current members, each person once in the network', async () => {
    const side = await ready(on.networkStructureAdded('n1', 'lib'), on.networkStructureAdded('n1', 'mairie'));
    const report = await side.queries.network('n1');
    expect(report).toMatchObject({ id: 'n1', name: 'Réseau Canopé', kind: 'public_operator' });
    expect(report!.figures).toMatchObject({ attendances: 7, distinctParticipants: 3, anonymousAttendees: 3, peopleReached: 6, cafesHeld: 2, cafesScheduled: 1, structuresActive: 2 });
    expect(report!.figures.reporting).toEqual({ cafesDue: 2, cafesReported: 2, cafesReportedOnTime: 2, completeness: 1, timeliness: 1 });
    expect(await side.queries.networkStructureIds('n1')).toEqual(['lib', 'mairie']);
  });

  it("lists its structures with their own figures, and its figures per region with each person once per region", async () => {
    const side = await ready(on.networkStructureAdded('n1', 'lib'), on.networkStructureAdded('n1', 'asso'), on.networkStructureAdded('n1', 'mairie'));
    const report = (await side.queries.network('n1'))!;
    expect(report.structures.map((s) => [s.structureId, s.name, s.figures.peopleReached])).toEqual([
      ['lib', 'Bibliothèque', 5],
      ['mairie', 'Mairie', 2],
      ['asso', 'Association', 1],
    ]);
    // p1 went to a café in Lyon twice and once in Marseille: once in each region, once in the network
    expect(report.regions.map((r) => [r.code, r.name, r.figures.distinctParticipants, r.figures.attendances])).toEqual([
      ['84', 'Auvergne-Rhône-Alpes', 2, 6],
      ['93', "Provence-Alpes-Côte d'Azur", 2, 2],
    ]);
    expect(report.figures.distinctParticipants).toBe(3);
  });

  it("a structure added later brings its whole history, whatever the cafés' dates", async () => {
    const side = await freshReadSide(dialect, { now });
    const log = history().add(on.networkStructureAdded('n1', 'asso'));
    await side.apply(log, 3);
    expect((await side.queries.network('n1'))!.figures.peopleReached).toBe(1);
    const applied = log.events.length;
    log.add(on.networkStructureAdded('n1', 'lib'));
    await side.apply(log.events.slice(applied));
    expect((await side.queries.network('n1'))!.figures).toMatchObject({ distinctParticipants: 2, anonymousAttendees: 3, peopleReached: 5, cafesHeld: 2 });
  });

  it('a structure removed takes its cafés out, but keeps a person who also attended another member', async () => {
    const side = await ready(on.networkStructureAdded('n1', 'lib'), on.networkStructureAdded('n1', 'mairie'), on.networkStructureRemoved('n1', 'mairie'));
    const report = (await side.queries.network('n1'))!;
    // p3 only attended the mairie's café: gone; p1 also attended the library's: still counted, once
    expect(report.figures).toMatchObject({ distinctParticipants: 2, attendances: 5, cafesHeld: 1, cafesScheduled: 0, structuresActive: 1 });
    expect(report.regions.map((r) => r.code)).toEqual(['84']);
    expect(report.structures.map((s) => s.structureId)).toEqual(['lib']);
    expect(await side.queries.networkStructureIds('n1')).toEqual(['lib']);
  });

  it('membership changes in one batch, and attendance recorded after them, end where they would one by one', async () => {
    const more = [
      on.networkStructureAdded('n1', 'mairie'),
      on.networkStructureRemoved('n1', 'mairie'),
      on.networkStructureAdded('n1', 'asso'),
      on.networkStructureAdded('n1', 'mairie'),
      on.attended('c-asso', 'p4'),
      on.networkStructureRemoved('n1', 'asso'),
      on.attended('c-mairie', 'p5'),
    ];
    const oneByOne = await freshReadSide(dialect, { now });
    await oneByOne.apply(history().add(...more), 1);
    const atOnce = await freshReadSide(dialect, { now });
    await atOnce.apply(history().add(...more), 1000);
    const expected = (await oneByOne.queries.network('n1'))!;
    expect(expected.figures).toMatchObject({ distinctParticipants: 3, attendances: 3 });
    expect(await atOnce.queries.network('n1')).toEqual(expected);
  });

  it('ranks every network by people reached', async () => {
    const side = await ready(on.networkCreated('n2', 'La Poste', 'company'), on.networkCreated('n3', 'Inria', 'other'), on.networkStructureAdded('n1', 'mairie'), on.networkStructureAdded('n2', 'lib'));
    const ranking = await side.queries.networks();
    expect(ranking.items.map((n) => [n.rank, n.id, n.figures.peopleReached, n.structureCount])).toEqual([
      [1, 'n2', 5, 1],
      [2, 'n1', 2, 1],
      [3, 'n3', 0, 0],
    ]);
    expect(ranking.total).toBe(3);
    expect((await side.queries.networks({}, (id) => id === 'n1')).items.map((n) => n.id)).toEqual(['n1']);
  });

  it('answers null for an unknown network, no members, and that it does not exist', async () => {
    const side = await ready();
    expect(await side.queries.network('nope')).toBeNull();
    expect(await side.queries.networkStructureIds('nope')).toEqual([]);
    expect([await side.queries.networkExists('nope'), await side.queries.networkExists('n1')]).toEqual([false, true]);
  });
});
