import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DATE_ONLY } from './dto-validators';
import { WithinProgrammeYears } from './instant-range';

const POSITION = /^(0|[1-9]\d{0,30})$/;
export const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class FreshnessQuery {
  @ApiPropertyOptional({ description: 'answer only once every event at or before this position is applied (waits up to 5 s, then 503)' })
  @IsOptional()
  @IsString()
  @Matches(POSITION, { message: '$property must be a position (a non-negative integer, as returned by a write)' })
  minPosition?: string;
}

export class PageQuery extends FreshnessQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(1_000_000, { message: '$property is too large' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(500, { message: '$property must be at most 500' })
  pageSize?: number;
}

export const TerritoryFilter = () =>
  ApiPropertyOptional({ description: 'region:XX, department:XX or commune:XXXXX', example: 'region:84' });
