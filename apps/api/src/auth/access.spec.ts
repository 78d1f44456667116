import { Territories } from '@cafeia/territories';
import { Access } from './access';
import type { Principal } from './principal';

const access = new Access(Territories.official());
const coordinator = (territory: string): Principal => ({ sub: 'c', role: 'coordinator', territory });

describe('a coordinator’s and a local referent’s territory', () => {
  it('holds an EPCI only when all its communes are inside', () => {
    expect(access.territoryInScope(coordinator('region:84'), 'epci', '200046977')).toBe(true);
    expect(access.territoryInScope(coordinator('department:69'), 'epci', '200046977')).toBe(true);
    expect(access.territoryInScope(coordinator('department:35'), 'epci', '200046977')).toBe(false);
  });

  it('keeps an EPCI referent inside the EPCI: its communes and arrondissements, not its department', () => {
    const referent = coordinator('epci:200046977');
    expect(access.territoryInScope(referent, 'epci', '200046977')).toBe(true);
    expect(access.territoryInScope(referent, 'commune', '69266')).toBe(true);
    expect(access.territoryInScope(referent, 'commune', '69383')).toBe(true);
    expect(access.territoryInScope(referent, 'commune', '69264')).toBe(false);
    expect(access.territoryInScope(referent, 'department', '69')).toBe(false);
    expect(() => access.assertCommuneInScope(referent, '69266', 'Registering a structure')).not.toThrow();
    expect(() => access.assertCommuneInScope(referent, '35238', 'Registering a structure')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('keeps a commune referent to that commune', () => {
    const referent = coordinator('commune:69266');
    expect(access.territoryInScope(referent, 'commune', '69266')).toBe(true);
    expect(access.territoryInScope(referent, 'commune', '69123')).toBe(false);
    expect(access.territoryInScope(referent, 'epci', '200046977')).toBe(false);
  });

  it('gives a network role no territory', () => {
    expect(access.territoryInScope({ sub: 'n', role: 'network', networkId: '00000000-0000-4000-8000-000000000000' }, 'region', '84')).toBe(false);
  });
});
