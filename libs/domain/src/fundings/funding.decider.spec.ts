import type { AddFundingStructure, GrantFunding } from './funding.commands';
import { given } from '../testing/given-when-then';
import { fundingDecider, type FundingEvent } from './funding.decider';

const fundingId = 'fu-1';
const grant: GrantFunding = {
  type: 'GrantFunding',
  fundingId,
  funderId: 'f-1',
  structureIds: ['s-1', 's-2'],
  from: '2025-01-01',
  to: '2025-12-31',
  amountEuros: 15000,
  targets: { people: 500, cafes: 40 },
};
const granted: FundingEvent = {
  type: 'FundingGranted',
  data: { fundingId, funderId: 'f-1', structureIds: ['s-1', 's-2'], from: '2025-01-01', to: '2025-12-31', amountEuros: 15000, targets: { people: 500, cafes: 40 } },
};
const add = (structureId: string): AddFundingStructure => ({ type: 'AddFundingStructure', fundingId, structureId });
const added = (structureId: string): FundingEvent => ({ type: 'FundingStructureAdded', data: { fundingId, structureId } });

describe('granting a funding', () => {
  it('grants a funding to its structures over its period', () => {
    given(fundingDecider, []).when(grant).then([granted]);
  });

  it('a period of a single day is accepted, with no amount nor targets', () => {
    const oneDay: GrantFunding = { ...grant, from: '2025-06-01', to: '2025-06-01', amountEuros: null, targets: { people: null, cafes: null } };
    given(fundingDecider, [])
      .when(oneDay)
      .then([{ type: 'FundingGranted', data: { ...granted.data, from: '2025-06-01', to: '2025-06-01', amountEuros: null, targets: { people: null, cafes: null } } } as FundingEvent]);
  });

  it('targets of zero are accepted', () => {
    given(fundingDecider, [])
      .when({ ...grant, targets: { people: 0, cafes: 0 } })
      .then([{ type: 'FundingGranted', data: { ...granted.data, targets: { people: 0, cafes: 0 } } } as FundingEvent]);
  });

  it('granting again with identical data records nothing new, even after structures were added', () => {
    given(fundingDecider, [granted, added('s-3')]).when(grant).then([]);
  });

  it('reusing the id with different data is a conflict on the id', () => {
    given(fundingDecider, [granted]).when({ ...grant, amountEuros: 20000 }).thenThrows('conflict', 'id_reused', 'id');
  });

  it.each([
    ['a period ending before it starts', { from: '2025-12-31', to: '2025-01-01' }, 'period_reversed', 'to'],
    ['no structure', { structureIds: [] }, 'structures_required', 'structureIds'],
    ['a structure listed twice', { structureIds: ['s-1', 's-2', 's-1'] }, 'structures_duplicated', 'structureIds'],
    ['a negative target of people', { targets: { people: -1, cafes: null } }, 'invalid_target', 'targets.people'],
    ['a fractional target of cafés', { targets: { people: null, cafes: 2.5 } }, 'invalid_target', 'targets.cafes'],
    ['a negative amount', { amountEuros: -10 }, 'invalid_amount', 'amountEuros'],
  ] as [string, Partial<GrantFunding>, string, string][])('refuses %s', (_label, change, code, field) => {
    given(fundingDecider, []).when({ ...grant, ...change }).thenThrows('rule', code, field);
  });
});

describe('adding a supported structure', () => {
  it('adds a structure not yet supported', () => {
    given(fundingDecider, [granted]).when(add('s-3')).then([added('s-3')]);
  });

  it.each([
    ['granted with the funding', [granted], 's-1'],
    ['added earlier', [granted, added('s-3')], 's-3'],
  ] as [string, FundingEvent[], string][])('a structure %s records nothing', (_label, history, structureId) => {
    given(fundingDecider, history).when(add(structureId)).then([]);
  });

  it('adding a structure to an unknown funding is not found', () => {
    given(fundingDecider, []).when(add('s-3')).thenThrows('not_found', 'funding_not_found');
  });
});
