import { NETWORK_KINDS, NetworkKind } from '@cafeia/domain';
import { OneOf, OptionalId, RequiredId, Text } from '../http/dto-validators';

export class CreateNetworkDto {
  @OptionalId()
  id?: string;

  @Text(200, 'name of the partner network (tête de réseau)', 'Réseau Canopé')
  name: string;

  @OneOf(NETWORK_KINDS)
  kind: NetworkKind;
}

export class AddNetworkStructureDto {
  @RequiredId('the member structure (422 when no structure has this id)')
  structureId: string;
}
