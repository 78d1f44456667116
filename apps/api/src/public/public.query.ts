import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WithinProgrammeYears } from '../http/instant-range';
import { DATE_OR_INSTANT, PageQuery } from '../http/read-queries';

const TERRITORY = /^(region|department|epci|commune):[0-9AB]{2,9}$/;

const PublicTerritoryFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'region:XX, department:XX, epci:SIREN or commune:XXXXX (INSEE code; an arrondissement counts in its commune)', example: 'commune:35238' }),
    IsOptional(),
    IsString({ message: '$property must be a territory such as region:53 or commune:35238' }),
    Matches(TERRITORY, { message: '$property must be region:XX, department:XX, epci:SIREN or commune:XXXXX' }),
  );

export class PublicCafesQuery extends PageQuery {
  @PublicTerritoryFilter()
  territory?: string;

  @ApiPropertyOptional({ description: 'from this Paris day (YYYY-MM-DD) or instant on; default now', example: '2026-07-01' })
  @IsOptional()
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: '$property must be a date (YYYY-MM-DD) or an ISO 8601 instant' })
  @WithinProgrammeYears()
  from?: string;

  @ApiPropertyOptional({ description: 'until the end of this Paris day (YYYY-MM-DD) or this instant', example: '2026-07-31' })
  @IsOptional()
  @IsString()
  @Matches(DATE_OR_INSTANT, { message: '$property must be a date (YYYY-MM-DD) or an ISO 8601 instant' })
  @WithinProgrammeYears()
  to?: string;

  @ApiPropertyOptional({ description: 'the format as organizers wrote it (e.g. atelier, discussion)' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '$property must be at most 100 characters' })
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

export class PublicFiguresQuery {
  @ApiPropertyOptional({ enum: FIGURES_LEVELS, description: 'one level; every level when absent' })
  @IsOptional()
  @IsIn(FIGURES_LEVELS as unknown as string[], { message: `$property must be one of ${FIGURES_LEVELS.join(', ')}` })
  level?: (typeof FIGURES_LEVELS)[number];

  @ApiPropertyOptional({ description: 'a month (YYYY-MM, Paris time of the cafés’ start); all time when absent', example: '2026-05' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month YYYY-MM' })
  month?: string;
}

export class PublicMonthlyFiguresQuery {
  @ApiPropertyOptional({ enum: FIGURES_LEVELS, description: 'one level; every level when absent' })
  @IsOptional()
  @IsIn(FIGURES_LEVELS as unknown as string[], { message: `$property must be one of ${FIGURES_LEVELS.join(', ')}` })
  level?: (typeof FIGURES_LEVELS)[number];
}
