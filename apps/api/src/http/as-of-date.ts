import { CalendarDate } from './dto-validators';
import { FreshnessQuery } from './read-queries';
import { invalidField } from './problem';
import { parisDateStart } from '@cafeia/paris-time';

export class AsOfDateQuery extends FreshnessQuery {
  @CalendarDate('the figures as they stood at the end of that Paris day, from the events recorded by then (not in the future; 400 otherwise)', { required: false, example: '2026-06-01' })
  asOfDate?: string;
}

/** a day that has not begun in Paris has no figures yet: 400 naming the parameter */
export function assertPastOrToday(date: string, nowMs: number): string {
  if (parisDateStart(date) > nowMs) throw invalidField('asOfDate', `${date} is in the future`);
  return date;
}
