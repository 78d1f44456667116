import type { AddNetworkStructure, CreateNetwork, RemoveNetworkStructure } from './network.commands';
import { given } from '../testing/given-when-then';
import { networkDecider, type NetworkEvent } from './network.decider';

const networkId = 'n-1';
const now = '2026-03-01T09:00:00Z';
const create: CreateNetwork = { type: 'CreateNetwork', networkId, name: 'Réseau Canopé', kind: 'public_operator' };
const createdEvent: NetworkEvent = { type: 'NetworkCreated', data: { networkId, name: 'Réseau Canopé', kind: 'public_operator' } };
const add = (structureId: string): AddNetworkStructure => ({ type: 'AddNetworkStructure', networkId, structureId, now });
const remove = (structureId: string): RemoveNetworkStructure => ({ type: 'RemoveNetworkStructure', networkId, structureId, now });
const added = (structureId: string): NetworkEvent => ({ type: 'NetworkStructureAdded', data: { networkId, structureId, at: now } });
const removed = (structureId: string): NetworkEvent => ({ type: 'NetworkStructureRemoved', data: { networkId, structureId, at: now } });

describe('creating a network', () => {
  it('creates a network with its name and kind', () => {
    given(networkDecider, []).when(create).then([createdEvent]);
  });

  it('creating again with identical data records nothing new, even after structures were added', () => {
    given(networkDecider, [createdEvent, added('s-1')]).when(create).then([]);
  });

  it.each([
    ['a different name', { name: 'La Poste' }],
    ['a different kind', { kind: 'company' as const }],
  ])('reusing the id with %s is a conflict on the id', (_label, change) => {
    given(networkDecider, [createdEvent])
      .when({ ...create, ...change })
      .thenThrows('conflict', 'id_reused', 'id');
  });
});

describe('adding and removing member structures', () => {
  it('adds a structure, at the time of the command', () => {
    given(networkDecider, [createdEvent]).when(add('s-1')).then([added('s-1')]);
  });

  it('adding a member twice records nothing', () => {
    given(networkDecider, [createdEvent, added('s-1')]).when(add('s-1')).then([]);
  });

  it('removes a member', () => {
    given(networkDecider, [createdEvent, added('s-1'), added('s-2')]).when(remove('s-1')).then([removed('s-1')]);
  });

  it('removing a structure that is not a member records nothing', () => {
    given(networkDecider, [createdEvent, added('s-1')]).when(remove('s-2')).then([]);
  });

  it('a removed structure can be added again', () => {
    given(networkDecider, [createdEvent, added('s-1'), removed('s-1')]).when(add('s-1')).then([added('s-1')]);
  });

  it('keeps the current members in its state', () => {
    const state = given(networkDecider, [createdEvent, added('s-1'), added('s-2'), removed('s-1')]).when(add('s-3')).thenState();
    expect(state).toEqual({ status: 'created', network: createdEvent.data, structureIds: ['s-2', 's-3'] });
  });

  it.each([
    ['adding to', add('s-1')],
    ['removing from', remove('s-1')],
  ])('%s an unknown network is not found', (_label, command) => {
    given(networkDecider, []).when(command).thenThrows('not_found', 'network_not_found');
  });
});
