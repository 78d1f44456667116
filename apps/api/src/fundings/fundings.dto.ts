import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { FUNDER_KINDS, FunderKind } from '@cafeia/domain';
import { CalendarDate, Euros, OneOf, OptionalId, RequiredId, Text, UuidList, WholeNumber } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';

export class RegisterFunderDto {
  @OptionalId()
  id?: string;

  @Text(200, 'name of the funder', 'Fondation Numérique Solidaire')
  name: string;

  @OneOf(FUNDER_KINDS)
  kind: FunderKind;
}

export class FundingTargetsDto {
  @WholeNumber({ min: 0, required: false })
  people?: number;

  @WholeNumber({ min: 0, required: false })
  cafes?: number;
}

export class GrantFundingDto {
  @OptionalId()
  id?: string;

  @RequiredId('the funder granting it')
  funderId: string;

  @UuidList('the supported structures', { min: 1, max: 1000, what: 'structure' })
  structureIds: string[];

  @CalendarDate('first day covered')
  @WithinProgrammeYears()
  from: string;

  @CalendarDate('last day covered (inclusive)')
  @WithinProgrammeYears()
  to: string;

  @Euros({ max: 1e12, required: false })
  amountEuros?: number;

  @ApiPropertyOptional({ type: FundingTargetsDto, nullable: true })
  @IsOptional()
  @IsObject({ message: '$property must be an object {people?, cafes?}' })
  @ValidateNested()
  @Type(() => FundingTargetsDto)
  targets?: FundingTargetsDto;
}

export class AddFundingStructureDto {
  @RequiredId('the structure to add')
  structureId: string;
}
