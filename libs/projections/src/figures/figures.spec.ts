import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { NOW, freshReadSide } from '../testing/read-side';

const PAST = '2026-05-01T10:00:00+02:00';
const LATER_PAST = '2026-06-01T10:00:00Z';
const FUTURE = '2026-07-01T10:00:00Z';

const library = (id = 's1', commune = '69123') => on.structureRegistered(id, commune);
const cafeIn = (cafeId: string, communeCode: string, startsAt = PAST, structureId = 's1') => on.cafeScheduled(cafeId, { structureId, communeCode, startsAt });

describeOnBothDialects('territory figures', (dialect) => {
  it('counts a person recorded at two cafés of one commune once there, and two attendances', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(new EventLog().add(library(), cafeIn('c1', '69123'), cafeIn('c2', '69123'), on.attended('c1', 'p1'), on.attended('c2', 'p1')));
    const lyon = await side.queries.figuresOf('commune:69123');
    expect(lyon).toMatchObject({ attendances: 2, distinctParticipants: 1, peopleReached: 1, cafesHeld: 2 });
  });

  it('counts a person once in each territory where they attended and once nationally', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(
      new EventLog().add(library(), cafeIn('lyon', '69381'), cafeIn('villeurbanne', '69266'), cafeIn('paris', '75104'), ...['lyon', 'villeurbanne', 'paris'].map((c) => on.attended(c, 'p1'))),
    );
    const figures = await Promise.all(['commune:69123', 'commune:69266', 'department:69', 'region:84', 'commune:75056', 'region:11', 'nation'].map((k) => side.queries.figuresOf(k)));
    expect(figures.map((f) => f.distinctParticipants)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(figures.map((f) => f.attendances)).toEqual([1, 1, 2, 2, 1, 1, 3]);
  });

  it('counts a café given with an arrondissement code toward its commune', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(new EventLog().add(library(), cafeIn('c1', '13216'), on.attended('c1', 'p1')));
    expect((await side.queries.figuresOf('commune:13055')).cafesHeld).toBe(1);
    expect((await side.queries.figuresOf('commune:13216')).cafesHeld).toBe(0);
    expect((await side.queries.cafe('c1'))?.territory).toEqual({ commune: '13055', department: '13', region: '93', epci: '200054807' });
  });

  it('replaces the anonymous headcount instead of adding to it', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(new EventLog().add(library(), cafeIn('c1', '69266'), on.headcount('c1', 12), on.headcount('c1', 7, 12)));
    expect(await side.queries.figuresOf('nation')).toMatchObject({ anonymousAttendees: 7, peopleReached: 7, attendances: 7, cafesHeld: 1 });
  });

  it('no longer counts a café as held when its only headcount is set back to zero', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(new EventLog().add(library(), cafeIn('c1', '69266'), on.headcount('c1', 3), on.headcount('c1', 0, 3)));
    expect(await side.queries.figuresOf('department:69')).toMatchObject({ cafesHeld: 0, structuresActive: 0, peopleReached: 0, shareOutsideParis: null });
  });

  it('counts active enrolments only', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(new EventLog().add(library(), cafeIn('c1', '69266', FUTURE), on.enrolled('c1', 'p1'), on.enrolled('c1', 'p2'), on.enrolmentCancelled('c1', 'p1')));
    expect((await side.queries.cafe('c1'))?.enrolled).toBe(1);
  });

  it('changes no count when a participant is erased', async () => {
    const side = await freshReadSide(dialect);
    const log = new EventLog().add(library(), cafeIn('c1', '69266'), on.participantRegistered('p1'), on.attended('c1', 'p1'));
    await side.apply(log);
    const before = await side.queries.figuresOf('nation');
    await side.apply(log.add(on.participantErased('p1')).events.slice(-1));
    expect(await side.queries.figuresOf('nation')).toEqual(before);
    expect(before.peopleReached).toBe(1);
  });

  it('counts cancelled cafés apart, never as held or scheduled', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(new EventLog().add(library(), cafeIn('c1', '69266', FUTURE), cafeIn('c2', '69266', FUTURE), on.cafeCancelled('c1')));
    expect(await side.queries.figuresOf('commune:69266')).toMatchObject({ cafesCancelled: 1, cafesScheduled: 1, cafesHeld: 0 });
  });

  it('computes cafesScheduled against the clock at read time', async () => {
    const log = new EventLog().add(library(), cafeIn('c1', '69266', '2026-06-20T10:00:00Z'));
    const before = await freshReadSide(dialect, { now: NOW });
    await before.apply(log);
    expect((await before.queries.figuresOf('nation')).cafesScheduled).toBe(1);
    const after = await freshReadSide(dialect, { now: '2026-06-21T00:00:00Z' });
    await after.apply(log);
    expect((await after.queries.figuresOf('nation')).cafesScheduled).toBe(0);
  });

  it('shares held cafés outside the commune of Paris, arrondissements included in Paris', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(
      new EventLog().add(library(), cafeIn('paris', '75101'), cafeIn('paris2', '75056'), cafeIn('lyon', '69123'), cafeIn('aix', '13001'), ...['paris', 'paris2', 'lyon', 'aix'].map((c) => on.headcount(c, 1))),
    );
    expect((await side.queries.figuresOf('nation')).shareOutsideParis).toBe(0.5);
    expect((await side.queries.figuresOf('region:11')).shareOutsideParis).toBe(0);
  });

  it('counts a structure active in each territory where one of its cafés was held', async () => {
    const side = await freshReadSide(dialect);
    await side.apply(new EventLog().add(library('s1'), library('s2'), cafeIn('a', '69123', PAST, 's1'), cafeIn('b', '13001', PAST, 's1'), cafeIn('c', '69266', PAST, 's2'), on.headcount('a', 1), on.headcount('b', 1)));
    expect((await side.queries.figuresOf('nation')).structuresActive).toBe(1);
    expect((await side.queries.figuresOf('region:84')).structuresActive).toBe(1);
    expect((await side.queries.figuresOf('region:93')).structuresActive).toBe(1);
  });

  it("counts animators' training where they live", async () => {
    const side = await freshReadSide(dialect);
    await side.apply(
      new EventLog().add(
        ...['a1', 'a2', 'a3', 'a4'].map((a) => on.animatorRegistered(a, '97411')),
        on.trainingEnrolled('a1'),
        on.trainingEnrolled('a2'),
        on.trainingCompleted('a2', true),
        on.trainingEnrolled('a3'),
        on.trainingCompleted('a3', false),
        on.trainingEnrolled('a4'),
        on.trainingDropped('a4'),
      ),
    );
    expect(await side.queries.figuresOf('region:04')).toMatchObject({ animatorsTrained: 2, animatorsInTraining: 1, shareTrainedCapable: 0.5 });
    expect((await side.queries.figuresOf('region:84')).shareTrainedCapable).toBeNull();
  });

  it("moves a person's first café when an attended café is rescheduled, keeping them counted once", async () => {
    const side = await freshReadSide(dialect);
    const log = new EventLog().add(library(), cafeIn('early', '69266', '2026-05-01T10:00:00Z'), cafeIn('late', '69266', LATER_PAST), on.attended('early', 'p1'), on.attended('late', 'p1'));
    await side.apply(log);
    // more than 28 days before NOW, the first café counts only in the older reach
    expect((await side.queries.progress()).pacePerDay).toBe(0);
    await side.apply(log.add(on.cafeRescheduled('early', '2026-06-10T10:00:00Z', '2026-05-01T10:00:00Z', true)).events.slice(-1));
    const progress = await side.queries.progress();
    expect(progress.figures.distinctParticipants).toBe(1);
    expect(progress.pacePerDay).toBeCloseTo(1 / 28);
  });
});
