import { CalendarDate, OneOf } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { FreshnessQuery } from '../http/read-queries';

export const TIMELINE_GRANULARITIES = ['day', 'week', 'month'] as const;

export class TimelineQuery extends FreshnessQuery {
  @OneOf(TIMELINE_GRANULARITIES, undefined, { required: false, default: 'month' })
  granularity?: (typeof TIMELINE_GRANULARITIES)[number];

  @CalendarDate('first day of the series', { required: false })
  @WithinProgrammeYears()
  from?: string;

  @CalendarDate('last day of the series (default: today)', { required: false })
  @WithinProgrammeYears()
  to?: string;
}
