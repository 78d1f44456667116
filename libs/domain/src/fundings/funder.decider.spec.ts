import type { RegisterFunder } from './funding.commands';
import { given } from '../testing/given-when-then';
import { funderDecider, type FunderEvent } from './funder.decider';

const register: RegisterFunder = { type: 'RegisterFunder', funderId: 'f-1', name: 'Région Auvergne-Rhône-Alpes', kind: 'public' };
const registered: FunderEvent = { type: 'FunderRegistered', data: { funderId: 'f-1', name: 'Région Auvergne-Rhône-Alpes', kind: 'public' } };

describe('registering a funder', () => {
  it('registers a new funder', () => {
    given(funderDecider, []).when(register).then([registered]);
  });

  it('registering again with identical data records nothing new', () => {
    given(funderDecider, [registered]).when(register).then([]);
  });

  it('reusing the id with different data is a conflict on the id', () => {
    given(funderDecider, [registered]).when({ ...register, kind: 'csr' }).thenThrows('conflict', 'id_reused', 'id');
  });
});
