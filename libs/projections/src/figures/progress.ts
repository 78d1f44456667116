import { Kysely } from 'kysely';
import type { ReadModelDb } from '../schema/read-model-db';
import { NATION } from '../territory/territory-directory';
import type { Figures } from './figures';
import { FiguresReader } from './figures-reader';
import { DAY_MS, Granularity, bucketStart, dateOfDay, dayOfDate, dayOfMs, nextBucket } from '../queries/calendar';

export const PACE_WINDOW_DAYS = 28;
export const MAX_TIMELINE_BUCKETS = 5_000;
/** the first day a default timeline starts on, whatever was back-filled before it (counted in the cumulative) */
export const TIMELINE_EARLIEST_DEFAULT = '2020-01-01';

/** A timeline that cannot be drawn as asked: names the query parameter to change. */
export class TimelineQueryError extends RangeError {
  constructor(readonly field: 'from' | 'to' | 'granularity', message: string) {
    super(message);
    this.name = 'TimelineQueryError';
  }
}

export interface Progress {
  figures: Figures;
  target: number;
  deadline: string;
  progress: number;
  pacePerDay: number;
  projectedAtDeadline: number;
  requiredPacePerDay: number | null;
  onTrack: boolean;
  /** whole days from today (UTC) to the deadline; 0 on and after the deadline day */
  daysLeft: number;
  /**
   * the day (UTC) the target would be reached at the current pace: today once it is reached, null when the pace
   * is zero (at this pace, never)
   */
  targetReachedOn: string | null;
}

/**
 * Days left = deadline date − today's date (UTC), in whole days, never below 0: on the day before the
 * deadline one day is left (the deadline day itself), on the deadline day none.
 */
export function daysLeft(nowMs: number, deadline: string): number {
  return Math.max(0, dayOfDate(deadline) - dayOfMs(nowMs));
}

export function progressFrom(figures: Figures, reachedBeforeWindow: number, target: number, deadline: string, nowMs: number): Progress {
  const reached = figures.peopleReached;
  const left = daysLeft(nowMs, deadline);
  const pacePerDay = (reached - reachedBeforeWindow) / PACE_WINDOW_DAYS;
  const projectedAtDeadline = reached + pacePerDay * left;
  const remaining = Math.max(0, target - reached);
  return {
    figures,
    target,
    deadline,
    progress: target > 0 ? reached / target : 0,
    pacePerDay,
    projectedAtDeadline,
    // once the target is met nothing more is required; with no day left and people still missing, no pace can make it
    requiredPacePerDay: remaining === 0 ? 0 : left > 0 ? remaining / left : null,
    onTrack: projectedAtDeadline >= target,
    daysLeft: left,
    targetReachedOn: remaining === 0 ? dateOfDay(dayOfMs(nowMs)) : pacePerDay > 0 ? dateOfDay(dayOfMs(nowMs) + Math.ceil(remaining / pacePerDay)) : null,
  };
}

export interface TimelineBucket {
  /** first day of the bucket (a Monday for weeks, the 1st for months) */
  start: string;
  /** last day of the bucket, inclusive */
  end: string;
  /** named attendance records plus anonymous headcounts of the cafés starting in the bucket */
  attendances: number;
  anonymousAttendees: number;
  /** people reached for the first time in the bucket (their first café), plus its anonymous headcounts */
  newPeopleReached: number;
  newParticipants: number;
  cafesHeld: number;
  /** people reached by the end of the bucket, since the beginning */
  peopleReached: number;
}

export interface Timeline {
  granularity: Granularity;
  from: string;
  to: string;
  buckets: TimelineBucket[];
}

interface DayRow {
  day: number;
  first_people: number;
  anonymous: number;
  attendances_named: number;
  cafes_held: number;
}

/** The national series, from the per-day sums of `reach_by_day`. */
export async function timeline(
  db: Kysely<ReadModelDb>,
  options: { granularity: Granularity; from?: string; to?: string },
  nowMs: number,
): Promise<Timeline> {
  const { granularity } = options;
  const rows = await db
    .selectFrom('reach_by_day')
    .select(['day', 'first_people', 'anonymous', 'attendances_named', 'cafes_held'])
    .where('territory_key', '=', NATION)
    .execute();
  const days: DayRow[] = rows.map((r) => ({
    day: Number(r.day),
    first_people: Number(r.first_people),
    anonymous: Number(r.anonymous),
    attendances_named: Number(r.attendances_named),
    cafes_held: Number(r.cafes_held),
  }));
  days.sort((a, b) => a.day - b.day);

  const toDay = options.to ? dayOfDate(options.to) : dayOfMs(nowMs);
  const active = days.filter((d) => d.first_people || d.anonymous || d.attendances_named || d.cafes_held);
  const firstActive = Math.max(active[0]?.day ?? toDay, dayOfDate(TIMELINE_EARLIEST_DEFAULT));
  const fromDay = options.from ? dayOfDate(options.from) : Math.min(firstActive, toDay);
  if (fromDay > toDay) {
    throw new TimelineQueryError('from', `from (${dateOfDay(fromDay)}) is after to (${dateOfDay(toDay)}${options.to ? '' : ', today'}).`);
  }
  const bucketCount = countBuckets(fromDay, toDay, granularity);
  if (bucketCount > MAX_TIMELINE_BUCKETS) {
    throw new TimelineQueryError(
      options.from ? 'from' : 'granularity',
      `From ${dateOfDay(fromDay)} to ${dateOfDay(toDay)} by ${granularity} makes ${bucketCount} buckets, more than ${MAX_TIMELINE_BUCKETS}: choose a later from or a coarser granularity.`,
    );
  }

  const buckets: TimelineBucket[] = [];
  let cumulative = 0;
  let i = 0;
  const first = bucketStart(fromDay, granularity);
  // everything before the first bucket counts in the cumulative people reached
  for (; i < days.length && days[i].day < first; i += 1) cumulative += days[i].first_people + days[i].anonymous;
  for (let start = first; start <= toDay; start = nextBucket(start, granularity)) {
    const next = nextBucket(start, granularity);
    const bucket: TimelineBucket = {
      start: dateOfDay(start),
      end: dateOfDay(next - 1),
      attendances: 0,
      anonymousAttendees: 0,
      newPeopleReached: 0,
      newParticipants: 0,
      cafesHeld: 0,
      peopleReached: 0,
    };
    for (; i < days.length && days[i].day < next; i += 1) {
      const d = days[i];
      bucket.attendances += d.attendances_named + d.anonymous;
      bucket.anonymousAttendees += d.anonymous;
      bucket.newParticipants += d.first_people;
      bucket.newPeopleReached += d.first_people + d.anonymous;
      bucket.cafesHeld += d.cafes_held;
    }
    cumulative += bucket.newPeopleReached;
    bucket.peopleReached = cumulative;
    buckets.push(bucket);
  }
  return { granularity, from: dateOfDay(fromDay), to: dateOfDay(toDay), buckets };
}

/** how many buckets a series from `fromDay` to `toDay` has (arithmetic, without building them) */
function countBuckets(fromDay: number, toDay: number, granularity: Granularity): number {
  if (granularity === 'day') return toDay - fromDay + 1;
  if (granularity === 'week') return Math.floor((toDay - bucketStart(fromDay, 'week')) / 7) + 1;
  const a = new Date(fromDay * DAY_MS);
  const b = new Date(toDay * DAY_MS);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + 1;
}

export const reachedBeforeWindow = (figures: FiguresReader, nowMs: number): Promise<number> =>
  figures.reachedBefore(nowMs - PACE_WINDOW_DAYS * DAY_MS);
