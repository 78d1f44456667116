import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';
import { dayNumberOf, endOfParisDay } from '@cafeia/paris-time';

const now = '2026-06-15T12:00:00Z';

/** a history recorded over several days; `at` of attendances is when they were recorded */
const history = () =>
  new EventLog()
    .recording('2026-03-01T09:00:00Z')
    .add(
      on.structureRegistered('s1', '69123'),
      on.cafeScheduled('c1', { structureId: 's1', communeCode: '69381', startsAt: '2026-03-10T10:00:00Z' }),
      on.cafeScheduled('c2', { structureId: 's1', communeCode: '69266', startsAt: '2026-03-03T10:00:00Z' }),
    )
    // 23:30 UTC on 3 March is 00:30 on 4 March in Paris
    .recording('2026-03-03T23:30:00Z')
    .add(on.attended('c2', 'p1', undefined, '2026-03-03T23:30:00Z'))
    .recording('2026-03-11T18:00:00Z')
    .add(on.attended('c1', 'p1', undefined, '2026-03-11T18:00:00Z'), on.attended('c1', 'p2', undefined, '2026-03-11T18:00:00Z'), on.headcount('c1', 3, 0, '2026-03-11T18:00:00Z'))
    .recording('2026-04-01T08:00:00Z')
    .add(on.targetSet('region', '84', 500), on.cafeScheduled('c3', { structureId: 's1', communeCode: '13001', startsAt: '2026-05-01T10:00:00Z' }), on.animatorRegistered('a1', '92012'));

/** what happens after: more attendance, a reschedule, an erasure, a cancellation, a new target */
const later = (log: EventLog) =>
  log
    .recording('2026-05-02T10:00:00Z')
    .add(on.attended('c3', 'p3', undefined, '2026-05-02T10:00:00Z'), on.cafeRescheduled('c1', '2026-03-12T10:00:00Z', '2026-03-10T10:00:00Z', true), on.participantErased('p1'))
    .recording('2026-05-03T10:00:00Z')
    .add(on.cafeScheduled('c4', { structureId: 's1', communeCode: '69123', startsAt: '2026-03-20T10:00:00Z' }), on.cafeCancelled('c4'), on.targetSet('region', '84', 900));

const DATES = ['2026-02-28', '2026-03-01', '2026-03-03', '2026-03-04', '2026-03-11', '2026-03-20', '2026-04-01', '2026-04-30'];

describeOnBothDialects('figures as they stood on a date', (dialect) => {
  const answers = async (side: Awaited<ReturnType<typeof freshReadSide>>) => ({
    progress: await Promise.all(DATES.map((d) => side.queries.progressAsOf(d))),
    region: await Promise.all(DATES.map((d) => side.queries.territoryFiguresAsOf('region', '84', d))),
    department: await Promise.all(DATES.map((d) => side.queries.territoryFiguresAsOf('department', '69', d))),
    epci: await Promise.all(DATES.map((d) => side.queries.territoryFiguresAsOf('epci', '200046977', d))),
  });

  it('counts the events recorded up to the end of that Paris day, "now" being the end of the day', async () => {
    const side = await freshReadSide(dialect, { now });
    const log = history();
    await side.apply(log, 2);
    const [before, first, third, fourth, eleventh] = await Promise.all(DATES.slice(0, 5).map((d) => side.queries.progressAsOf(d)));
    expect(before.figures).toMatchObject({ peopleReached: 0, cafesScheduled: 0 });
    expect(before.asOf).toEqual({ date: '2026-02-28', at: '2026-02-28T22:59:59.999Z', position: null });
    expect(first.figures).toMatchObject({ peopleReached: 0, cafesScheduled: 2, structuresActive: 0 });
    expect(first.asOf).toEqual({ date: '2026-03-01', at: '2026-03-01T22:59:59.999Z', position: '3' });
    // c2 started on the 3rd: no longer scheduled; its attendance was recorded on the 4th in Paris
    expect(third.figures).toMatchObject({ peopleReached: 0, cafesScheduled: 1, cafesHeld: 0 });
    expect(third.asOf.position).toBe('3');
    expect(fourth.figures).toMatchObject({ peopleReached: 1, cafesHeld: 1, structuresActive: 1 });
    expect(fourth.asOf.position).toBe('4');
    expect(eleventh.figures).toMatchObject({ peopleReached: 5, distinctParticipants: 2, attendances: 6, cafesHeld: 2, cafesScheduled: 0 });
    // c2 is due at the end of the 11th (started more than 7 days before), reported within the day
    expect(eleventh.figures.reporting).toEqual({ cafesDue: 1, cafesReported: 1, cafesReportedOnTime: 1, completeness: 1, timeliness: 1 });
    expect(eleventh.daysLeft).toBe(660);
    // pace: everything it counts happened within the 28 days before the end of the 11th
    expect(eleventh.pacePerDay).toBeCloseTo(5 / 28, 10);
  });

  it('gives the same answers after later writes, an erasure and a rebuild', async () => {
    const side = await freshReadSide(dialect, { now });
    const log = history();
    await side.apply(log, 3);
    const first = await answers(side);
    const applied = log.events.length;
    later(log);
    await side.apply(log.events.slice(applied), 2);
    // delivered twice (at-least-once), then replayed in other batches by a rebuild
    await side.engine.apply(log.events.slice(2, 9));
    expect(await answers(side)).toEqual(first);
    const rebuilt = await freshReadSide(dialect, { now });
    await rebuilt.apply(log, 5);
    expect(await answers(rebuilt)).toEqual(first);
    // and the later days see the later events
    expect((await rebuilt.queries.progressAsOf('2026-05-03')).figures).toMatchObject({ peopleReached: 6, cafesCancelled: 1 });
  });

  it('answers a territory with its children, its EPCIs and its target as they stood', async () => {
    const side = await freshReadSide(dialect, { now });
    await side.apply(later(history()), 4);
    const region = await side.queries.territoryFiguresAsOf('region', '84', '2026-03-11');
    // before any target was set: the national target apportioned by population
    expect(region).toMatchObject({ code: '84', level: 'region', name: 'Auvergne-Rhône-Alpes', target: 305, asOf: { date: '2026-03-11', position: '7' } });
    expect(region!.figures).toMatchObject({ peopleReached: 5, cafesHeld: 2 });
    expect(region!.children.map((c) => [c.code, c.figures.peopleReached])).toEqual([['69', 5]]);
    expect((await side.queries.territoryFiguresAsOf('region', '84', '2026-04-01'))!.target).toBe(500);
    expect((await side.queries.territoryFiguresAsOf('region', '84', '2026-05-03'))!.target).toBe(900);
    const department = await side.queries.territoryFiguresAsOf('department', '69', '2026-03-04');
    expect(department!.children.map((c) => [c.code, c.figures.peopleReached])).toEqual([
      ['69123', 0],
      ['69266', 1],
    ]);
    expect(department!.epcis!.map((e) => [e.code, e.figures.peopleReached])).toEqual([['200046977', 1]]);
    // Boulogne's animator was registered on 1 April: not yet a child of Hauts-de-Seine on 31 March
    expect((await side.queries.territoryFiguresAsOf('department', '92', '2026-03-31'))!.children).toEqual([]);
    expect((await side.queries.territoryFiguresAsOf('department', '92', '2026-04-01'))!.children.map((c) => c.code)).toEqual(['92012']);
    expect(await side.queries.territoryFiguresAsOf('region', '00', '2026-04-01')).toBeNull();
  });

  it('as of a day, the figures are those a read side fed only with the events recorded by then shows at the end of it', async () => {
    const log = later(history());
    const side = await freshReadSide(dialect, { now });
    await side.apply(log, 3);
    for (const date of ['2026-03-04', '2026-03-11', '2026-05-02']) {
      const end = new Date(endOfParisDay(dayNumberOf(date))).toISOString();
      const then = await freshReadSide(dialect, { now: end });
      await then.apply(log.events.filter((e) => Date.parse(e.metadata!.recordedAt!) <= Date.parse(end)));
      const asOf = await side.queries.progressAsOf(date);
      const { asOf: _asOf, ...progress } = asOf;
      expect({ date, progress }).toEqual({ date, progress: await then.queries.progress() });
      for (const [level, code] of [['region', '84'], ['department', '69'], ['commune', '69123'], ['epci', '200046977']] as const) {
        expect({ date, level, figures: (await side.queries.territoryFiguresAsOf(level, code, date))!.figures }).toEqual({ date, level, figures: await then.queries.figuresOf(`${level}:${code}`) });
      }
    }
  });

  it('refuses a malformed date', async () => {
    const side = await freshReadSide(dialect, { now });
    await expect(side.queries.progressAsOf('2026-02-30')).rejects.toThrow(RangeError);
  });
});
