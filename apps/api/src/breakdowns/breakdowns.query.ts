import { BREAKDOWN_BY } from '@cafeia/projections';
import { DateOrInstant, OneOf, Uuid } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { FreshnessQuery, TerritoryFilter } from '../http/read-queries';

export class BreakdownsQuery extends FreshnessQuery {
  @OneOf(BREAKDOWN_BY, 'what the cafés are grouped by (month: the Paris month of their start, YYYY-MM)')
  by: (typeof BREAKDOWN_BY)[number];

  @TerritoryFilter()
  territory?: string;

  @Uuid('only the cafés of this network’s current member structures (a network role: its own, 403 otherwise)', { required: false })
  network?: string;

  @DateOrInstant('cafés starting from: a date YYYY-MM-DD (from the start of that Paris day) or an ISO instant')
  @WithinProgrammeYears()
  from?: string;

  @DateOrInstant('cafés starting until: a date YYYY-MM-DD (through the end of that Paris day) or an ISO instant (inclusive)')
  @WithinProgrammeYears()
  to?: string;
}
