import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { ReadSide, freshReadSide } from '../testing/read-side';

const history = () =>
  new EventLog().add(
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

  it('skips every event at or before the checkpoint and says so', async () => {
    const side = await freshReadSide(dialect);
    const log = history();
    await side.apply(log, 100);
    expect(await side.engine.apply(log.events.slice(0, 10))).toEqual({ applied: 0, skipped: 10, position: String(log.events.length) });
  });
});
