import { STRUCTURE_KINDS, StructureKind } from '@cafeia/domain';
import { CommuneCode, OneOf, OptionalId, OptionalText, Pattern, Text } from '../http/dto-validators';

export const SIRET = /^[0-9]{14}$/;
export const POSTCODE = /^[0-9]{5}$/;

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

  @OptionalText(200, 'street address of the place, published in the national open data of mediation places (blank: none)', '25 rue Jean-Macé')
  address?: string;

  @Pattern(POSTCODE, 'a postcode of 5 digits', 'La Poste postcode of that address: one of the commune’s (400 otherwise)', { required: false, example: '69007' })
  postalCode?: string;
}
