import { DateOrInstant, OneOf, OptionalText, Uuid } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { PageQuery, TerritoryFilter } from '../http/read-queries';

export const CAFE_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
/** `unreported`: due (not cancelled, started more than 7 days ago) with no attendance, oldest first */
export const CAFE_STATUS_FILTERS = [...CAFE_STATUSES, 'unreported'] as const;

export class CafesQuery extends PageQuery {
  @TerritoryFilter()
  territory?: string;

  @DateOrInstant('a date YYYY-MM-DD or an ISO instant (inclusive)')
  @WithinProgrammeYears()
  from?: string;

  @DateOrInstant('a date YYYY-MM-DD or an ISO instant (inclusive)')
  @WithinProgrammeYears()
  to?: string;

  @OneOf(CAFE_STATUS_FILTERS, 'unreported: the cafés due (not cancelled, started more than 7 days ago) with no attendance yet, oldest first', { required: false })
  status?: (typeof CAFE_STATUS_FILTERS)[number];

  @OptionalText(60, 'the format, as written when the café was scheduled')
  format?: string;

  @Uuid('only the cafés of this structure (an organizer: one of theirs, 403 otherwise)', { required: false })
  structureId?: string;
}
