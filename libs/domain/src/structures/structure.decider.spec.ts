import type { RegisterStructure } from './structure.commands';
import type { StructureRegistered } from './structure.events';
import { given } from '../testing/given-when-then';
import { structureDecider } from './structure.decider';

const register: RegisterStructure = {
  type: 'RegisterStructure',
  structureId: 's-1',
  name: 'Médiathèque Jean Jaurès',
  kind: 'media_library',
  communeCode: '69123',
  siret: null,
  address: '25 rue Jean Jaurès',
  postalCode: '69007',
};
const registered: StructureRegistered = {
  type: 'StructureRegistered',
  data: { structureId: 's-1', name: 'Médiathèque Jean Jaurès', kind: 'media_library', communeCode: '69123', siret: null, address: '25 rue Jean Jaurès', postalCode: '69007' },
};

describe('registering a structure', () => {
  it('registers a new structure', () => {
    given(structureDecider, []).when(register).then([registered]);
  });

  it('registering again with identical data records nothing new (idempotent retry)', () => {
    given(structureDecider, [registered]).when(register).then([]);
  });

  it.each([
    ['a different name', { name: 'Bibliothèque' }],
    ['a different kind', { kind: 'library' as const }],
    ['a different commune', { communeCode: '75056' }],
    ['a siret added', { siret: '12345678901234' }],
    ['another address', { address: '1 place Bellecour' }],
    ['another postcode', { postalCode: '69002' }],
  ])('reusing the id with %s is a conflict on the id', (_label, change) => {
    given(structureDecider, [registered])
      .when({ ...register, ...change })
      .thenThrows('conflict', 'id_reused', 'id');
  });
});
