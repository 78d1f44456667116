import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';
import { BreakdownQueryError } from './breakdowns.queries';

const now = '2026-06-15T12:00:00Z';

/**
 * - may: a workshop for seniors in Lyon, 2026-05-10 (p1, p2, 2 anonymous);
 * - june-eve: starts 2026-05-31T23:30Z, i.e. 1 June 01:30 in Paris, online, no audience (p1);
 * - june: a talk in Marseille by a town hall, 2026-06-05 (p1, p3);
 * - cancelled: a talk in June; scheduled: a workshop in July.
 */
const history = () =>
  new EventLog().add(
    on.structureRegistered('lib', '69123', 'Bibliothèque', 'library'),
    on.structureRegistered('mairie', '13055', 'Mairie', 'town_hall'),
    on.cafeScheduled('may', { structureId: 'lib', communeCode: '69381', startsAt: '2026-05-10T10:00:00Z', format: 'workshop', audience: 'seniors' }),
    on.attended('may', 'p1'),
    on.attended('may', 'p2'),
    on.headcount('may', 2),
    on.cafeScheduled('june-eve', { structureId: 'lib', communeCode: '69123', startsAt: '2026-05-31T23:30:00Z', format: 'talk', online: true }),
    on.attended('june-eve', 'p1'),
    on.cafeScheduled('june', { structureId: 'mairie', communeCode: '13055', startsAt: '2026-06-05T10:00:00Z', format: 'talk', audience: 'everyone' }),
    on.attended('june', 'p1'),
    on.attended('june', 'p3'),
    on.cafeScheduled('cancelled', { structureId: 'mairie', communeCode: '13055', startsAt: '2026-06-20T10:00:00Z', format: 'talk' }),
    on.cafeCancelled('cancelled'),
    on.cafeScheduled('scheduled', { structureId: 'lib', communeCode: '69123', startsAt: '2026-07-05T10:00:00Z', format: 'workshop', audience: 'seniors' }),
    on.networkCreated('n1'),
    on.networkStructureAdded('n1', 'mairie'),
  );

describeOnBothDialects('breakdowns', (dialect) => {
  const ready = async () => {
    const side = await freshReadSide(dialect, { now });
    await side.apply(history(), 5);
    return side;
  };
  const people = (b: { items: { key: string | null; figures: { distinctParticipants: number } }[] }) => b.items.map((i) => [i.key, i.figures.distinctParticipants]);

  it('groups by Paris month: a café starting 2026-05-31T23:30Z belongs to June', async () => {
    const side = await ready();
    const b = await side.queries.breakdown({ by: 'month' });
    expect(b.items.map((i) => [i.key, i.figures.cafesHeld, i.figures.attendances, i.figures.cafesCancelled])).toEqual([
      ['2026-05', 1, 4, 0],
      ['2026-06', 2, 3, 1],
      ['2026-07', 0, 0, 0],
    ]);
    // p1 attended in May and in June: once in each month, once in the total
    expect(people(b)).toEqual([
      ['2026-05', 2],
      ['2026-06', 2],
      ['2026-07', 0],
    ]);
    expect(b.total).toEqual({ attendances: 7, distinctParticipants: 3, anonymousAttendees: 2, peopleReached: 5, cafesHeld: 3, cafesCancelled: 1 });
  });

  it('the additive figures of the items add up to the total', async () => {
    const side = await ready();
    for (const by of ['format', 'audience', 'online', 'structureKind', 'month'] as const) {
      const b = await side.queries.breakdown({ by });
      for (const field of ['attendances', 'anonymousAttendees', 'cafesHeld', 'cafesCancelled'] as const) {
        expect({ by, field, sum: b.items.reduce((s, i) => s + i.figures[field], 0) }).toEqual({ by, field, sum: b.total[field] });
      }
      expect({ by, total: b.total.distinctParticipants }).toEqual({ by, total: 3 });
    }
  });

  it('keys: the format and audience as written (null: no audience), online or in person, the structure kind', async () => {
    const side = await ready();
    expect(people(await side.queries.breakdown({ by: 'format' }))).toEqual([
      ['talk', 2],
      ['workshop', 2],
    ]);
    expect(people(await side.queries.breakdown({ by: 'audience' }))).toEqual([
      ['everyone', 2],
      ['seniors', 2],
      [null, 1],
    ]);
    expect(people(await side.queries.breakdown({ by: 'online' }))).toEqual([
      ['in_person', 3],
      ['online', 1],
    ]);
    expect(people(await side.queries.breakdown({ by: 'structureKind' }))).toEqual([
      ['library', 2],
      ['town_hall', 2],
    ]);
  });

  it('a from/to range keeps the cafés starting in it and counts the people within it (Paris days)', async () => {
    const side = await ready();
    // 2026-06-01 in Paris begins at 2026-05-31T22:00Z: june-eve is in it
    const june = await side.queries.breakdown({ by: 'format', from: '2026-06-01', to: '2026-06-30' });
    expect(june.total).toMatchObject({ distinctParticipants: 2, attendances: 3, cafesHeld: 2, cafesCancelled: 1 });
    expect((await side.queries.breakdown({ by: 'format', to: '2026-05-31' })).total).toMatchObject({ distinctParticipants: 2, cafesHeld: 1 });
    expect((await side.queries.breakdown({ by: 'format', from: '2026-05-31T23:30:00Z', to: '2026-05-31T23:30:00Z' })).total).toMatchObject({ distinctParticipants: 1, cafesHeld: 1 });
  });

  it('filters by territory (EPCI too), network and structures', async () => {
    const side = await ready();
    expect((await side.queries.breakdown({ by: 'month', territory: 'region:93' })).total).toMatchObject({ distinctParticipants: 2, cafesHeld: 1, cafesCancelled: 1 });
    expect((await side.queries.breakdown({ by: 'month', territory: 'epci:200046977' })).total).toMatchObject({ distinctParticipants: 2, cafesHeld: 2 });
    expect((await side.queries.breakdown({ by: 'month', territory: 'commune:69381' })).total).toMatchObject({ distinctParticipants: 2, cafesHeld: 1 });
    expect((await side.queries.breakdown({ by: 'structureKind', networkId: 'n1' })).items.map((i) => i.key)).toEqual(['town_hall']);
    expect((await side.queries.breakdown({ by: 'month', structureIds: ['lib'] })).total).toMatchObject({ distinctParticipants: 2, cafesHeld: 2 });
    expect((await side.queries.breakdown({ by: 'month', structureIds: [] })).items).toEqual([]);
  });

  it.each([
    [{ by: 'colour' }, 'by'],
    [{ by: 'month', from: '2026-02-30' }, 'from'],
    [{ by: 'month', to: 'soon' }, 'to'],
    [{ by: 'month', from: '2026-07-01', to: '2026-06-01' }, 'from'],
    [{ by: 'month', territory: 'planet:earth' }, 'territory'],
  ])('refuses %j, naming %s', async (query, field) => {
    const side = await ready();
    const refusal = await side.queries.breakdown(query as never).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BreakdownQueryError);
    expect((refusal as BreakdownQueryError).field).toBe(field);
  });
});
