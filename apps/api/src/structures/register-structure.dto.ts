import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { STRUCTURE_KINDS, StructureKind } from '@cafeia/domain';
import { CommuneCode, OptionalId, OptionalText, Text } from '../http/dto-validators';

export class RegisterStructureDto {
  @OptionalId()
  id?: string;

  @Text(200, 'name of the host structure', 'Médiathèque Jean-Macé')
  name: string;

  @ApiProperty({ enum: STRUCTURE_KINDS })
  @IsIn(STRUCTURE_KINDS as unknown as string[], { message: `$property must be one of ${STRUCTURE_KINDS.join(', ')}` })
  kind: StructureKind;

  @CommuneCode()
  communeCode: string;

  @ApiPropertyOptional({ description: 'SIRET number (14 digits)', example: '21690123100011' })
  @IsOptional()
  @IsString({ message: '$property must be a string of 14 digits' })
  @Matches(/^\d{14}$/, { message: '$property must be 14 digits' })
  siret?: string;

  @OptionalText(200, 'street address of the place (published in the national open data of mediation places)')
  @Matches(/\S/, { message: '$property must not be blank' })
  address?: string;

  @ApiPropertyOptional({ description: 'La Poste postcode of that address: one of the commune’s', example: '69007' })
  @IsOptional()
  @IsString({ message: '$property must be a postcode of 5 digits' })
  @Matches(/^\d{5}$/, { message: '$property must be a postcode of 5 digits' })
  postalCode?: string;
}
