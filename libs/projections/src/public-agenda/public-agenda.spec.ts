import { describeOnBothDialects } from '@cafeia/database/testing';
import type { DomainEvent } from '@cafeia/domain';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';
import { PublicAgendaQueries } from './public-agenda.queries';

const structureWithAddress: DomainEvent = {
  type: 'StructureRegistered',
  data: { structureId: 'lib', name: 'Bibliothèque municipale', kind: 'library', communeCode: '69123', siret: '21690123100011', address: '30 boulevard Vivier-Merle', postalCode: '69003' },
};

const world = () =>
  new EventLog().add(
    structureWithAddress,
    on.structureRegistered('asso', '13055', 'Association du Panier'),
    on.cafeScheduled('lyon', { structureId: 'lib', communeCode: '69381', startsAt: '2026-07-01T16:00:00Z', format: 'atelier', capacity: 3 }),
    on.participantRegistered('p-secret-1'),
    on.enrolled('lyon', 'p-secret-1'),
    on.participantRegistered('p-secret-2'),
    on.enrolled('lyon', 'p-secret-2'),
    on.enrolmentCancelled('lyon', 'p-secret-2'),
    on.cafeRescheduled('lyon', '2026-07-02T16:00:00Z', '2026-07-01T16:00:00Z'),
    on.cafeRescheduled('lyon', '2026-07-03T16:00:00Z', '2026-07-02T16:00:00Z'),
    on.cafeScheduled('full', { structureId: 'lib', communeCode: '69123', startsAt: '2026-07-10T16:00:00Z', capacity: 1 }),
    on.enrolled('full', 'p-secret-1'),
    on.enrolled('full', 'p-secret-3'),
    on.cafeScheduled('marseille', { structureId: 'asso', communeCode: '13055', startsAt: '2026-06-01T16:00:00Z', format: 'discussion' }),
    on.attended('marseille', 'p-secret-1'),
    on.headcount('marseille', 4),
    on.cafeScheduled('cancelled', { structureId: 'asso', communeCode: '13201', startsAt: '2026-07-05T16:00:00Z' }),
    on.cafeCancelled('cancelled', 'salle indisponible pour raison de santé de Mme Martin'),
    on.animatorRegistered('a-listed', '69123', 'Camille D.', true),
    on.trainingEnrolled('a-listed'),
    on.trainingCompleted('a-listed', true),
    on.animatorRegistered('a-private', '69123', 'Dominique Secret', false),
    on.trainingEnrolled('a-private'),
  );

describeOnBothDialects('the public agenda read model', (dialect) => {
  const ready = async (batchSize = 1000) => {
    const side = await freshReadSide(dialect);
    await side.apply(world(), batchSize);
    return { side, queries: new PublicAgendaQueries(side.db) };
  };

  it('lists cafés not cancelled with their places left, never their enrolments', async () => {
    const { queries } = await ready();
    const page = await queries.cafes({ fromMs: Date.parse('2026-06-15T00:00:00Z') });
    expect(page.items.map((c) => [c.id, c.placesLeft, c.status])).toEqual([
      ['lyon', 2, 'scheduled'],
      ['full', 0, 'scheduled'],
    ]);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({
      format: 'atelier',
      communeCode: '69381',
      commune: '69123',
      department: '69',
      region: '84',
      structure: { id: 'lib', name: 'Bibliothèque municipale', kind: 'library', address: '30 boulevard Vivier-Merle', postalCode: '69003' },
    });
  });

  it('counts the reschedules (the calendar SEQUENCE) and keeps the start before the last one', async () => {
    const { queries } = await ready();
    expect(await queries.cafe('lyon')).toMatchObject({ startsAt: '2026-07-03T16:00:00Z', reschedules: 2, previousStartsAt: '2026-07-02T16:00:00Z' });
    expect(await queries.cafe('full')).toMatchObject({ reschedules: 0, previousStartsAt: null });
  });

  it('keeps a cancelled café for its page and the calendars, without the reason', async () => {
    const { queries, side } = await ready();
    expect(await queries.cafe('cancelled')).toMatchObject({ status: 'cancelled', commune: '13055' });
    const calendar = await queries.calendar({ fromMs: Date.parse('2026-05-01T00:00:00Z'), limit: 100 });
    expect(calendar.map((c) => c.id)).toEqual(['marseille', 'lyon', 'cancelled', 'full']);
    const rows = await side.db.selectFrom('public_cafes').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('Martin');
  });

  it('filters by territory (an arrondissement counts in its commune), dates and format', async () => {
    const { queries } = await ready();
    const ids = async (q: Parameters<PublicAgendaQueries['cafes']>[0]) => (await queries.cafes(q)).items.map((c) => c.id);
    expect(await ids({ territory: { level: 'commune', code: '69123' } })).toEqual(['lyon', 'full']);
    expect(await ids({ territory: { level: 'region', code: '93' } })).toEqual(['marseille']);
    expect(await ids({ fromMs: Date.parse('2026-07-04T00:00:00Z'), toMs: Date.parse('2026-07-31T00:00:00Z') })).toEqual(['full']);
    expect(await ids({ format: 'discussion' })).toEqual(['marseille']);
    expect(await queries.formats(Date.parse('2026-06-15T00:00:00Z'))).toEqual(['atelier', 'in_person']);
  });

  it('lists only the animators who asked to be, with their training', async () => {
    const { queries, side } = await ready();
    const page = await queries.animators({});
    expect(page.items).toEqual([{ id: 'a-listed', displayName: 'Camille D.', communeCode: '69123', commune: '69123', department: '69', region: '84', epci: '200046977', trainingStatus: 'completed' }]);
    expect(JSON.stringify(await side.db.selectFrom('public_animators').selectAll().execute())).not.toContain('Dominique');
  });

  it('holds no participant id, enrolment id, contact hash nor sealed data, in any column', async () => {
    const { side } = await ready();
    const everything = JSON.stringify(
      await Promise.all(['public_cafes', 'public_structures', 'public_animators'].map((table) => side.db.selectFrom(table as 'public_cafes').selectAll().execute())),
    );
    expect(everything).toContain('Bibliothèque municipale'); // the dump holds the rows: the search can fail
    for (const secret of ['p-secret', 'c2VjcmV0', '"h"', 'Dominique']) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/participant|enrol|email|phone|attend/i);
  });

  it('gives the same rows whatever the batch size (a rebuild equals the live fold)', async () => {
    const whole = await ready(1000);
    const oneByOne = await ready(1);
    for (const table of ['public_cafes', 'public_structures', 'public_animators'] as const) {
      const rows = async (side: typeof whole.side) => side.db.selectFrom(table).selectAll().orderBy(table === 'public_cafes' ? 'cafe_id' : table === 'public_structures' ? 'structure_id' : 'animator_id').execute();
      expect(await rows(oneByOne.side)).toEqual(await rows(whole.side));
    }
  });
});
