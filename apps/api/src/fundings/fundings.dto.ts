import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { FUNDER_KINDS, FunderKind } from '@cafeia/domain';
import { CalendarDate, OptionalId, RequiredId, Text } from '../http/dto-validators';
import { WithinProgrammeYears } from '../http/instant-range';

export class RegisterFunderDto {
  @OptionalId()
  id?: string;

  @Text(200, 'name of the funder', 'Fondation Numérique Solidaire')
  name: string;

  @ApiProperty({ enum: FUNDER_KINDS })
  @IsIn(FUNDER_KINDS as unknown as string[], { message: `$property must be one of ${FUNDER_KINDS.join(', ')}` })
  kind: FunderKind;
}

export class FundingTargetsDto {
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number' })
  @Min(0, { message: '$property must be 0 or more' })
  people?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number' })
  @Min(0, { message: '$property must be 0 or more' })
  cafes?: number;
}

export class GrantFundingDto {
  @OptionalId()
  id?: string;

  @RequiredId('the funder granting it')
  funderId: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'the supported structures' })
  @IsArray({ message: '$property must be an array of structure ids' })
  @ArrayMinSize(1, { message: '$property must list at least one structure' })
  @ArrayMaxSize(1000, { message: '$property may list at most 1000 structures' })
  @IsUUID('all', { each: true, message: 'each of $property must be a UUID' })
  structureIds: string[];

  @CalendarDate('first day covered')
  @WithinProgrammeYears()
  from: string;

  @CalendarDate('last day covered (inclusive)')
  @WithinProgrammeYears()
  to: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: '$property must be an amount in euros (at most 2 decimals)' })
  @Min(0, { message: '$property must be 0 or more' })
  @Max(1e12, { message: '$property is too large' })
  amountEuros?: number;

  @ApiPropertyOptional({ type: FundingTargetsDto })
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
