import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';

const now = '2026-06-15T12:00:00Z';

/**
 * (the `at` of an attendance or headcount is when it was recorded)
 * Cafés in Lyon and Villeurbanne (EPCI Métropole de Lyon) and Fort-de-France (no EPCI), around "now":
 * - early: started 2026-06-01, reported 2 days later (on time);
 * - late: started 2026-06-02, reported 9 days later (reported, not on time);
 * - silent: started 2026-06-03, nothing reported (due, unreported);
 * - exact: started 2026-06-07T12:00Z, reported exactly 7 days later (on time), due from 2026-06-14T12:00:00.001Z;
 * - recent: started 2026-06-10, nothing reported: not due yet (less than 7 days ago);
 * - cancelled: never due.
 */
const history = () =>
  new EventLog().add(
    on.structureRegistered('s1', '69123'),
    on.cafeScheduled('early', { structureId: 's1', communeCode: '69381', startsAt: '2026-06-01T10:00:00Z' }),
    on.attended('early', 'p1', undefined, '2026-06-03T10:00:00Z'),
    on.cafeScheduled('late', { structureId: 's1', communeCode: '69123', startsAt: '2026-06-02T10:00:00Z' }),
    on.headcount('late', 4, 0, '2026-06-11T10:00:00Z'),
    on.cafeScheduled('silent', { structureId: 's1', communeCode: '97209', startsAt: '2026-06-03T10:00:00Z' }),
    on.cafeScheduled('exact', { structureId: 's1', communeCode: '69266', startsAt: '2026-06-07T12:00:00Z' }),
    on.attended('exact', 'p2', undefined, '2026-06-14T12:00:00Z'),
    on.cafeScheduled('recent', { structureId: 's1', communeCode: '69123', startsAt: '2026-06-10T10:00:00Z' }),
    on.cafeScheduled('cancelled', { structureId: 's1', communeCode: '69123', startsAt: '2026-06-01T09:00:00Z' }),
    on.cafeCancelled('cancelled'),
  );

describeOnBothDialects('reporting completeness', (dialect) => {
  const ready = async (log = history(), at = now) => {
    const side = await freshReadSide(dialect, { now: at });
    await side.apply(log, 4);
    return side;
  };

  it('counts due, reported and on-time cafés, nationally and in every territory', async () => {
    const side = await ready();
    expect((await side.queries.figuresOf('nation')).reporting).toEqual({ cafesDue: 4, cafesReported: 3, cafesReportedOnTime: 2, completeness: 3 / 4, timeliness: 2 / 4 });
    expect((await side.queries.figuresOf('commune:69123')).reporting).toEqual({ cafesDue: 2, cafesReported: 2, cafesReportedOnTime: 1, completeness: 1, timeliness: 1 / 2 });
    expect((await side.queries.figuresOf('epci:200046977')).reporting).toMatchObject({ cafesDue: 3, cafesReported: 3, cafesReportedOnTime: 2 });
    expect(await side.queries.reporting('department:972')).toEqual({ cafesDue: 1, cafesReported: 0, cafesReportedOnTime: 0, completeness: 0, timeliness: 0 });
  });

  it('has null ratios where nothing is due', async () => {
    const side = await ready();
    expect(await side.queries.reporting('region:93')).toEqual({ cafesDue: 0, cafesReported: 0, cafesReportedOnTime: 0, completeness: null, timeliness: null });
  });

  it('a café is due once it started more than 7 days before now, by the millisecond', async () => {
    const side = await ready();
    expect((await side.queries.reporting('commune:69266', Date.parse('2026-06-14T12:00:00Z'))).cafesDue).toBe(0);
    expect((await side.queries.reporting('commune:69266', Date.parse('2026-06-14T12:00:00.001Z'))).cafesDue).toBe(1);
  });

  it('counts whole days before the boundary and, on the boundary day, only the cafés started before its instant', async () => {
    const log = history().add(
      on.cafeScheduled('morning', { structureId: 's1', communeCode: '69266', startsAt: '2026-06-07T08:00:00Z' }),
      on.cafeScheduled('afternoon', { structureId: 's1', communeCode: '69266', startsAt: '2026-06-07T13:00:00Z' }),
      on.cafeScheduled('day-before', { structureId: 's1', communeCode: '69266', startsAt: '2026-06-06T23:59:59.999Z' }),
    );
    const side = await ready(log);
    // at 2026-06-14T12:30Z the boundary is 2026-06-07T12:30Z: day-before (a whole day), morning and exact (12:00) are due, afternoon is not
    expect((await side.queries.reporting('commune:69266', Date.parse('2026-06-14T12:30:00Z'))).cafesDue).toBe(3);
    expect((await side.queries.reporting('commune:69266', Date.parse('2026-06-14T13:00:00.001Z'))).cafesDue).toBe(4);
    expect((await side.queries.reporting('commune:69266', Date.parse('2026-06-14T00:00:00Z'))).cafesDue).toBe(1);
    expect((await side.queries.reporting('commune:69266', Date.parse('2026-06-13T23:59:59.999Z'))).cafesDue).toBe(0);
  });

  it('a headcount set back to 0 makes a café unreported again; reported again later, its first report still decides timeliness', async () => {
    const log = history().add(on.headcount('late', 0, 4, '2026-06-12T10:00:00Z'));
    expect(await (await ready(log)).queries.reporting('nation')).toMatchObject({ cafesDue: 4, cafesReported: 2, cafesReportedOnTime: 2 });
    log.add(on.cafeScheduled('back', { structureId: 's1', communeCode: '69123', startsAt: '2026-05-20T10:00:00Z' }));
    log.add(on.headcount('back', 2, 0, '2026-05-21T10:00:00Z'), on.headcount('back', 0, 2, '2026-05-22T10:00:00Z'), on.headcount('back', 3, 0, '2026-06-10T10:00:00Z'));
    expect(await (await ready(log)).queries.reporting('nation')).toMatchObject({ cafesDue: 5, cafesReported: 3, cafesReportedOnTime: 3 });
  });

  it('a rescheduled café is due, and on time or not, by its new start', async () => {
    const log = history().add(on.cafeRescheduled('early', '2026-06-12T10:00:00Z', '2026-06-01T10:00:00Z', true), on.cafeRescheduled('late', '2026-06-06T10:00:00Z', '2026-06-02T10:00:00Z', true));
    const side = await ready(log);
    // early is no longer due; late, reported 5 days after its new start, is now on time
    expect(await side.queries.reporting('nation')).toMatchObject({ cafesDue: 3, cafesReported: 2, cafesReportedOnTime: 2 });
  });

  it('lists the due cafés with no attendance, oldest first (status=unreported)', async () => {
    const log = history().add(on.cafeScheduled('older', { structureId: 's1', communeCode: '69123', startsAt: '2026-05-01T10:00:00Z' }));
    const side = await ready(log);
    const page = await side.queries.cafes({ status: 'unreported' });
    expect(page.items.map((c) => c.id)).toEqual(['older', 'silent']);
    expect(page.total).toBe(2);
    expect((await side.queries.cafes({ status: 'unreported', territory: 'epci:200046977' })).items.map((c) => c.id)).toEqual(['older']);
    expect((await side.queries.cafe('early'))?.firstAttendanceAt).toBe('2026-06-03T10:00:00.000Z');
  });
});

describeOnBothDialects('EPCI', (dialect) => {
  it('counts a café toward the EPCI of its commune (an arrondissement: of its commune), and answers the EPCI like other levels', async () => {
    const side = await freshReadSide(dialect, { now });
    await side.apply(history());
    const report = await side.queries.territory('epci', '200046977');
    expect(report).toMatchObject({ code: '200046977', level: 'epci', name: 'Métropole de Lyon' });
    expect(report!.figures).toMatchObject({ cafesHeld: 3, distinctParticipants: 2, anonymousAttendees: 4, cafesCancelled: 1 });
    expect(report!.children.map((c) => [c.code, c.figures.cafesHeld])).toEqual([
      ['69123', 2],
      ['69266', 1],
    ]);
    expect((await side.queries.cafe('early'))?.territory).toEqual({ commune: '69123', department: '69', region: '84', epci: '200046977' });
    expect((await side.queries.cafe('silent'))?.territory.epci).toBeNull();
    expect((await side.queries.territories('epci')).items[0]).toMatchObject({ rank: 1, code: '200046977' });
    expect((await side.queries.cafes({ territory: 'epci:200046977' })).total).toBe(5);
  });

  it("a department's answer adds the EPCIs that touch it", async () => {
    const side = await freshReadSide(dialect, { now });
    await side.apply(history().add(on.cafeScheduled('boulogne', { structureId: 's1', communeCode: '92012', startsAt: '2026-06-01T10:00:00Z' }), on.attended('boulogne', 'p9')));
    const report = await side.queries.territory('department', '92');
    expect(report!.epcis!.map((e) => [e.code, e.name, e.figures.distinctParticipants])).toEqual([['200054781', 'Métropole du Grand Paris', 1]]);
    expect((await side.queries.territory('region', '11'))!.epcis).toBeUndefined();
  });

  it('lists structures and animators of an EPCI', async () => {
    const side = await freshReadSide(dialect, { now });
    await side.apply(history().add(on.structureRegistered('s2', '13001'), on.animatorRegistered('a1', '69381'), on.animatorRegistered('a2', '97209')));
    expect((await side.queries.structures({ territory: 'epci:200046977' })).items.map((s) => s.id)).toEqual(['s1']);
    expect((await side.queries.structures({ territory: 'epci:200054807' })).items.map((s) => [s.id, s.territory.epci])).toEqual([['s2', '200054807']]);
    expect((await side.queries.animators({ territory: 'epci:200046977' })).items.map((a) => a.id)).toEqual(['a1']);
  });
});
