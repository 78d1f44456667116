import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { POSITION_PATTERN } from '@cafeia/event-store';
import { Pattern, WholeNumber } from './dto-validators';

/** the shape of a territory filter; the format says it must also exist in the official geographic code (400 otherwise) */
export const TERRITORY_KEY = /^(?:region:[0-9]{2,3}|department:(?:[0-9]{2,3}|2[AB])|epci:[0-9]{9}|commune:(?:[0-9]{5}|2[AB][0-9]{3}))$/;
export const TERRITORY_KEY_FORMAT = 'territory-key';

/** `?page=2` arrives as text: only plain decimal digits become a number (not `1e2`, `0x10` nor ` 2`) */
const QueryInteger = () => Transform(({ value }) => (typeof value === 'string' && /^-?[0-9]{1,16}$/.test(value) ? Number(value) : value));

export class FreshnessQuery {
  @Pattern(POSITION_PATTERN, 'a position (a non-negative integer, as returned by a write)', 'answer only once every event at or before this position is applied (waits up to 5 s, then 503)', {
    required: false,
    example: '42',
  })
  minPosition?: string;
}

export class PageQuery extends FreshnessQuery {
  @WholeNumber({ min: 1, max: 1_000_000, required: false, default: 1 })
  @QueryInteger()
  page?: number;

  @WholeNumber({ min: 1, max: 500, required: false, default: 50 })
  @QueryInteger()
  pageSize?: number;
}

export const TerritoryFilter = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      description: 'region:XX, department:XX, epci:<SIREN> or commune:XXXXX of the official geographic code (400 otherwise)',
      example: 'region:84',
      pattern: TERRITORY_KEY.source,
      format: TERRITORY_KEY_FORMAT,
    }),
    IsOptional(),
    IsString({ message: '$property must be a territory such as region:84' }),
    Matches(TERRITORY_KEY, { message: '$property must be a territory such as region:84, department:69, epci:200046977 or commune:69123' }),
  );
