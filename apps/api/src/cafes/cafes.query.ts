import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_ONLY } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { DATE_OR_INSTANT, FreshnessQuery, PageQuery, TerritoryFilter } from '../http/read-queries';

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
