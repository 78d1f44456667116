import { STRUCTURE_KINDS, StructureKind } from '@cafeia/domain';
import { CommuneCode, OneOf, OptionalId, Pattern, Text } from '../http/dto-validators';

export const SIRET = /^[0-9]{14}$/;

export class RegisterStructureDto {
  @OptionalId()
  id?: string;

  @Text(200, 'name of the host structure', 'Médiathèque Jean-Macé')
  name: string;

  @OneOf(STRUCTURE_KINDS)
  kind: StructureKind;

  @CommuneCode()
  communeCode: string;

  @Pattern(SIRET, '14 digits', 'SIRET number (14 digits)', { required: false, example: '21690123100011' })
  siret?: string;
}
