import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_ONLY } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { DATE_OR_INSTANT, FreshnessQuery, PageQuery, TerritoryFilter } from '../http/read-queries';

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
