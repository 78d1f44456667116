import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { ReadSide, freshReadSide } from '../testing/read-side';

const history = () =>
  new EventLog().recording('2026-06-10T22:30:00Z').add(
    on.structureRegistered('s1', '69123'),
    on.structureRegistered('s2', '75104'),
    on.cafeScheduled('c1', { structureId: 's1', communeCode: '69381', startsAt: '2026-05-01T10:00:00Z' }),
    on.cafeScheduled('c2', { structureId: 's2', communeCode: '75104', startsAt: '2026-07-01T10:00:00Z' }),
    on.cafeScheduled('c3', { structureId: 's2', communeCode: '13001', startsAt: '2026-06-01T10:00:00Z' }),
    on.enrolled('c1', 'p1'),
    on.attended('c1', 'p1'),
    on.attended('c1', 'p2'),
    on.headcount('c1', 4),
    on.enrolled('c2', 'p3'),
    on.enrolmentCancelled('c2', 'p3'),
    on.cafeRescheduled('c1', '2026-06-05T10:00:00Z', '2026-05-01T10:00:00Z', true),
    on.cafeCancelled('c3'),
    on.animatorRegistered('a1', '97209'),
    on.trainingEnrolled('a1'),
    on.trainingCompleted('a1', true),
    on.targetSet('region', '84', 4242),
    on.funderRegistered('f1'),
    on.fundingGranted('g1', 'f1', ['s1']),
    on.fundingStructureAdded('g1', 's2'),
    on.participantErased('p1'),
    on.networkCreated('n1'),
    on.networkStructureAdded('n1', 's1'),
    on.networkStructureAdded('n1', 's2'),
    on.networkStructureRemoved('n1', 's2'),
  );

/** applies the history, then delivers it again (whole, and in overlapping stretches), and compares */
async function expectIdempotent(side: ReadSide, read: () => Promise<unknown>): Promise<void> {
  const log = history();
  await side.apply(log, 5);
  const once = await read();
  await side.apply(log, 7);
  await side.engine.apply(log.events.slice(3, 15));
  expect(await read()).toEqual(once);
}

describeOnBothDialects('read models are idempotent when replayed', (dialect) => {
  it('cafés directory', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, () => side.queries.cafes({ pageSize: 100 }));
    expect((await side.queries.cafe('c1'))?.attendances).toBe(6);
  });

  it('structures', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, () => side.queries.structures({ sort: 'engagement' }));
    expect((await side.queries.structures({ sort: 'engagement' })).items[0]).toMatchObject({ id: 's1', peopleReached: 6, cafesHeld: 1 });
  });

  it('animators', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, () => side.queries.animators({}));
    expect((await side.queries.animators({})).items[0].training).toMatchObject({ status: 'completed', capable: true });
  });

  it('territory figures and the timeline', async () => {
    const side = await freshReadSide(dialect);
    const keys = ['nation', 'region:84', 'department:69', 'commune:69123', 'region:11', 'region:93', 'region:02'];
    await expectIdempotent(side, async () => ({
      figures: await Promise.all(keys.map((k) => side.queries.figuresOf(k))),
      timeline: await side.queries.timeline({ granularity: 'day', from: '2026-04-25', to: '2026-06-30' }),
    }));
    expect((await side.queries.figuresOf('nation')).peopleReached).toBe(6);
  });

  it('territory targets', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, async () => (await side.queries.territory('region', '84'))?.target);
    expect((await side.queries.territory('region', '84'))?.target).toBe(4242);
  });

  it('fundings', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, () => side.queries.funding('g1'));
    expect((await side.queries.funding('g1'))?.structureIds).toEqual(['s1', 's2']);
  });

  it('networks', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, async () => ({ network: await side.queries.network('n1'), ranking: await side.queries.networks() }));
    expect((await side.queries.network('n1'))?.figures).toMatchObject({ distinctParticipants: 2, anonymousAttendees: 4 });
  });

  it('reporting completeness and the unreported directory', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, async () => ({ reporting: await side.queries.reporting('nation'), unreported: await side.queries.cafes({ status: 'unreported' }) }));
    expect(await side.queries.reporting('nation')).toMatchObject({ cafesDue: 1, cafesReported: 1 });
    expect(await side.queries.reporting('nation', Date.parse('2026-06-10T00:00:00Z'))).toMatchObject({ cafesDue: 0 });
  });

  it('breakdowns', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, () => side.queries.breakdown({ by: 'month' }));
    expect((await side.queries.breakdown({ by: 'month' })).total).toMatchObject({ distinctParticipants: 2, cafesCancelled: 1 });
  });

  it('figures as of a date', async () => {
    const side = await freshReadSide(dialect);
    await expectIdempotent(side, async () => ({ progress: await side.queries.progressAsOf('2026-06-10'), region: await side.queries.territoryFiguresAsOf('region', '84', '2026-06-11') }));
    // recorded at 22:30 UTC on 10 June: 00:30 on the 11th in Paris
    expect((await side.queries.progressAsOf('2026-06-10')).figures.peopleReached).toBe(0);
    expect((await side.queries.progressAsOf('2026-06-11')).figures.peopleReached).toBe(6);
  });

  it('skips every event at or before the checkpoint and says so', async () => {
    const side = await freshReadSide(dialect);
    const log = history();
    await side.apply(log, 100);
    expect(await side.engine.apply(log.events.slice(0, 10))).toEqual({ applied: 0, skipped: 10, position: String(log.events.length) });
  });
});
