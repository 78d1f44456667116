import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_ONLY } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { DATE_OR_INSTANT, FreshnessQuery, PageQuery, TerritoryFilter } from '../http/read-queries';

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
