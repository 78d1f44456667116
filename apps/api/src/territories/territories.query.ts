import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_ONLY } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';
import { DATE_OR_INSTANT, FreshnessQuery, PageQuery, TerritoryFilter } from '../http/read-queries';

export class TerritoriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['region', 'department', 'commune'], default: 'region' })
  @IsOptional()
  @IsIn(['region', 'department', 'commune'], { message: '$property must be region, department or commune' })
  level?: 'region' | 'department' | 'commune';
}
