import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DATE_ONLY } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';

const POSITION = /^(0|[1-9]\d{0,30})$/;
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

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

const TerritoryFilter = () =>
  ApiPropertyOptional({ description: 'region:XX, department:XX or commune:XXXXX', example: 'region:84' });

export class TimelineQuery extends FreshnessQuery {
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'month' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'], { message: '$property must be day, week or month' })
  granularity?: 'day' | 'week' | 'month';

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: '$property must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property is not a valid calendar date' })
  @WithinProgrammeYears()
  from?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: '$property must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property is not a valid calendar date' })
  @WithinProgrammeYears()
  to?: string;
}

export class TerritoriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['region', 'department', 'commune'], default: 'region' })
  @IsOptional()
  @IsIn(['region', 'department', 'commune'], { message: '$property must be region, department or commune' })
  level?: 'region' | 'department' | 'commune';
}

export class CafesQuery extends PageQuery {
  @TerritoryFilter()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  territory?: string;

  @ApiPropertyOptional({ description: 'a date YYYY-MM-DD or an ISO instant (inclusive)' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: '$property must be a date YYYY-MM-DD or an ISO 8601 instant with an offset' })
  @IsISO8601({ strict: true }, { message: '$property is not a valid date' })
  @WithinProgrammeYears()
  from?: string;

  @ApiPropertyOptional({ description: 'a date YYYY-MM-DD or an ISO instant (inclusive)' })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: '$property must be a date YYYY-MM-DD or an ISO 8601 instant with an offset' })
  @IsISO8601({ strict: true }, { message: '$property is not a valid date' })
  @WithinProgrammeYears()
  to?: string;

  @ApiPropertyOptional({ enum: ['scheduled', 'held', 'cancelled'] })
  @IsOptional()
  @IsIn(['scheduled', 'held', 'cancelled'], { message: '$property must be scheduled, held or cancelled' })
  status?: 'scheduled' | 'held' | 'cancelled';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  format?: string;
}

export class StructuresQuery extends PageQuery {
  @TerritoryFilter()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  territory?: string;

  @ApiPropertyOptional({ enum: ['engagement', 'name'] })
  @IsOptional()
  @IsIn(['engagement', 'name'], { message: '$property must be engagement or name' })
  sort?: 'engagement' | 'name';
}

export class AnimatorsQuery extends PageQuery {
  @TerritoryFilter()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  territory?: string;

  @ApiPropertyOptional({ enum: ['none', 'enrolled', 'completed', 'dropped'] })
  @IsOptional()
  @IsIn(['none', 'enrolled', 'completed', 'dropped'], { message: '$property must be none, enrolled, completed or dropped' })
  training?: 'none' | 'enrolled' | 'completed' | 'dropped';
}
