import { DateOrInstant, OneOf, OptionalText, Uuid } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { PageQuery, TerritoryFilter } from '../http/read-queries';

export const CAFE_STATUSES = ['scheduled', 'held', 'cancelled'] as const;

export class CafesQuery extends PageQuery {
  @TerritoryFilter()
  territory?: string;

  @DateOrInstant('a date YYYY-MM-DD or an ISO instant (inclusive)')
  @WithinProgrammeYears()
  from?: string;

  @DateOrInstant('a date YYYY-MM-DD or an ISO instant (inclusive)')
  @WithinProgrammeYears()
  to?: string;

  @OneOf(CAFE_STATUSES, undefined, { required: false })
  status?: (typeof CAFE_STATUSES)[number];

  @OptionalText(60, 'the format, as written when the café was scheduled')
  format?: string;

  @Uuid('only the cafés of this structure (an organizer: one of theirs, 403 otherwise)', { required: false })
  structureId?: string;
}
