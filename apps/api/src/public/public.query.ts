import { DateOrInstant, OneOf, OptionalText, Pattern } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { PageQuery, TERRITORY_KEY_FORMAT } from '../http/read-queries';

/** the public listings take the four levels of the reference, an EPCI by its SIREN (400 when it does not exist) */
export const PUBLIC_TERRITORY_KEY = /^(?:region:[0-9]{2,3}|department:(?:[0-9]{2,3}|2[AB])|epci:[0-9]{9}|commune:(?:[0-9]{5}|2[AB][0-9]{3}))$/;

const PublicTerritoryFilter = () =>
  Pattern(PUBLIC_TERRITORY_KEY, 'a territory such as region:53, department:35, epci:243500139 or commune:35238', 'region:XX, department:XX, epci:SIREN or commune:XXXXX of the official geographic code (an arrondissement counts in its commune; 400 otherwise)', {
    required: false,
    example: 'commune:35238',
    format: TERRITORY_KEY_FORMAT,
  });

export class PublicCafesQuery extends PageQuery {
  @PublicTerritoryFilter()
  territory?: string;

  @DateOrInstant('from this Paris day (YYYY-MM-DD) or this instant on (inclusive); default now')
  @WithinProgrammeYears()
  from?: string;

  @DateOrInstant('until the end of this Paris day (YYYY-MM-DD) or this instant (inclusive)')
  @WithinProgrammeYears()
  to?: string;

  @OptionalText(100, 'the format, as organizers wrote it (e.g. atelier, discussion)')
  format?: string;
}

export class PublicCalendarQuery {
  @PublicTerritoryFilter()
  territory?: string;
}

export class PublicAnimatorsQuery extends PageQuery {
  @PublicTerritoryFilter()
  territory?: string;
}

export const FIGURES_LEVELS = ['national', 'region', 'department', 'epci', 'commune'] as const;
export const MONTH = /^[0-9]{4}-(?:0[1-9]|1[0-2])$/;

export class PublicMonthlyFiguresQuery {
  @OneOf(FIGURES_LEVELS, 'one level; every level when absent', { required: false })
  level?: (typeof FIGURES_LEVELS)[number];
}

export class PublicFiguresQuery extends PublicMonthlyFiguresQuery {
  @Pattern(MONTH, 'a month YYYY-MM', 'a month (YYYY-MM, Paris time of the cafés’ start); all time when absent', { required: false, example: '2026-05' })
  month?: string;
}
