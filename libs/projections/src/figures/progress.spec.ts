import { describeOnBothDialects } from '@cafeia/database/testing';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';
import { daysLeft } from './progress';

describe('days left to the deadline', () => {
  it('counts whole UTC days from today to the deadline day, none on or after it', () => {
    expect(daysLeft(Date.parse('2027-12-30T23:00:00Z'), '2027-12-31')).toBe(1);
    expect(daysLeft(Date.parse('2027-12-31T08:00:00Z'), '2027-12-31')).toBe(0);
    expect(daysLeft(Date.parse('2028-02-01T08:00:00Z'), '2027-12-31')).toBe(0);
    expect(daysLeft(Date.parse('2027-12-01T00:00:00Z'), '2027-12-31')).toBe(30);
  });
});

describeOnBothDialects('progress toward the national target', (dialect) => {
  const now = '2026-06-15T12:00:00Z';
  const log = () =>
    new EventLog().add(
      on.structureRegistered('s1', '69266'),
      // 40 days ago: counts in the reach before the 28-day window
      on.cafeScheduled('old', { structureId: 's1', communeCode: '69266', startsAt: '2026-05-06T10:00:00Z' }),
      on.attended('old', 'p1'),
      on.attended('old', 'p2'),
      on.headcount('old', 2),
      // 10 days ago: new reach (p1 again does not count twice)
      on.cafeScheduled('recent', { structureId: 's1', communeCode: '69266', startsAt: '2026-06-05T10:00:00Z' }),
      on.attended('recent', 'p1'),
      on.attended('recent', 'p3'),
      on.headcount('recent', 13),
    );

  it('computes progress, pace, projection and required pace from API.md formulas', async () => {
    const side = await freshReadSide(dialect, { now, target: 1000, deadline: '2026-07-15' });
    await side.apply(log());
    const progress = await side.queries.progress();
    // reached 2 + 2 anonymous + (p3 + 13 anonymous) = 18; 4 of them before the window
    expect(progress).toMatchObject({ target: 1000, deadline: '2026-07-15', progress: 0.018, daysLeft: 30 });
    expect(progress.figures.peopleReached).toBe(18);
    expect(progress.pacePerDay).toBeCloseTo(14 / 28);
    expect(progress.projectedAtDeadline).toBeCloseTo(18 + (14 / 28) * 30);
    expect(progress.requiredPacePerDay).toBeCloseTo((1000 - 18) / 30);
    expect(progress.onTrack).toBe(false);
    // 982 people missing at 0.5 a day: 1,964 days after 2026-06-15
    expect(progress.targetReachedOn).toBe('2031-10-31');
  });

  it('is on track when the projection reaches the target, and requires nothing once it is met', async () => {
    const side = await freshReadSide(dialect, { now, target: 18, deadline: '2026-07-15' });
    await side.apply(log());
    expect(await side.queries.progress()).toMatchObject({ onTrack: true, requiredPacePerDay: 0, progress: 1, targetReachedOn: '2026-06-15' });
  });

  it('has no required pace on the deadline day when people are still missing', async () => {
    const side = await freshReadSide(dialect, { now: '2026-07-15T09:00:00Z', target: 1000, deadline: '2026-07-15' });
    await side.apply(log());
    const progress = await side.queries.progress();
    expect(progress).toMatchObject({ daysLeft: 0, requiredPacePerDay: null, onTrack: false });
    expect(progress.projectedAtDeadline).toBe(18);
  });

  it('draws the default timeline from 2020 even when a café was stored at year 1000, counting it in the cumulative', async () => {
    const side = await freshReadSide(dialect, { now });
    await side.apply(
      log().add(on.cafeScheduled('ancient', { structureId: 's1', communeCode: '69266', startsAt: '1000-01-01T10:00:00Z' }), on.attended('ancient', 'p9')),
    );
    const series = await side.queries.timeline({ granularity: 'day' });
    expect(series.from).toBe('2020-01-01');
    expect(series.buckets[0].peopleReached).toBe(1);
    expect(series.buckets.at(-1)!.peopleReached).toBe(19);
  });

  it('answers zeros before anything happened', async () => {
    const side = await freshReadSide(dialect, { now });
    const progress = await side.queries.progress();
    expect(progress.figures).toMatchObject({ peopleReached: 0, cafesHeld: 0, shareOutsideParis: null, shareTrainedCapable: null });
    expect(progress.pacePerDay).toBe(0);
  });

  it('gives a timeline of buckets with cumulative people reached', async () => {
    const side = await freshReadSide(dialect, { now });
    await side.apply(log());
    const months = await side.queries.timeline({ granularity: 'month', from: '2026-04-10', to: '2026-06-30' });
    expect(months.buckets.map((b) => [b.start, b.end, b.newPeopleReached, b.peopleReached, b.cafesHeld, b.attendances])).toEqual([
      ['2026-04-01', '2026-04-30', 0, 0, 0, 0],
      ['2026-05-01', '2026-05-31', 4, 4, 1, 4],
      ['2026-06-01', '2026-06-30', 14, 18, 1, 15],
    ]);
    const weeks = await side.queries.timeline({ granularity: 'week', from: '2026-06-01', to: '2026-06-14' });
    // Mondays; the cumulative includes what came before `from`
    expect(weeks.buckets.map((b) => [b.start, b.peopleReached])).toEqual([
      ['2026-06-01', 18],
      ['2026-06-08', 18],
    ]);
    const days = await side.queries.timeline({ granularity: 'day', from: '2026-05-05', to: '2026-05-07' });
    expect(days.buckets.map((b) => b.newParticipants)).toEqual([0, 2, 0]);
  });

  it('reports the applied position', async () => {
    const side = await freshReadSide(dialect, { now });
    expect(await side.queries.position()).toEqual({ position: null, at: null });
    const events = log();
    await side.apply(events);
    expect((await side.queries.position()).position).toBe(String(events.events.length));
  });
});
