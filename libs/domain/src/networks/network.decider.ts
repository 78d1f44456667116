import type { NetworkCommand } from './network.commands';
import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { conflict, notFound } from '../errors';
import type { NetworkCreated, NetworkStructureAdded, NetworkStructureRemoved } from './network.events';
import { assertNever } from '../exhaustive';
import { sameData } from '../same-data';

export type NetworkEvent = NetworkCreated | NetworkStructureAdded | NetworkStructureRemoved;

export type NetworkState =
  | { status: 'unknown' }
  | { status: 'created'; network: NetworkCreated['data']; structureIds: string[] };

const created = (state: NetworkState) => {
  if (state.status === 'unknown') throw notFound('network_not_found', 'No network is known with this id.');
  return state;
};

export const decideNetwork = (command: NetworkCommand, state: NetworkState): NetworkEvent[] => {
  switch (command.type) {
    case 'CreateNetwork': {
      const { type: _type, ...data } = command;
      if (state.status === 'created') {
        if (sameData(state.network, data)) return [];
        throw conflict('id_reused', 'This id already belongs to a network created with different details.', 'id');
      }
      return [{ type: 'NetworkCreated', data }];
    }
    case 'AddNetworkStructure': {
      // a structure may belong to several networks; adding it twice to one changes nothing
      if (created(state).structureIds.includes(command.structureId)) return [];
      return [{ type: 'NetworkStructureAdded', data: { networkId: command.networkId, structureId: command.structureId, at: command.now } }];
    }
    case 'RemoveNetworkStructure': {
      if (!created(state).structureIds.includes(command.structureId)) return [];
      return [{ type: 'NetworkStructureRemoved', data: { networkId: command.networkId, structureId: command.structureId, at: command.now } }];
    }
    default:
      return assertNever(command);
  }
};

export const evolveNetwork = (state: NetworkState, event: NetworkEvent): NetworkState => {
  switch (event.type) {
    case 'NetworkCreated':
      return { status: 'created', network: event.data, structureIds: [] };
    case 'NetworkStructureAdded':
      return state.status === 'unknown' || state.structureIds.includes(event.data.structureId) ? state : { ...state, structureIds: [...state.structureIds, event.data.structureId] };
    case 'NetworkStructureRemoved':
      return state.status === 'unknown' ? state : { ...state, structureIds: state.structureIds.filter((id) => id !== event.data.structureId) };
    default:
      return assertNever(event);
  }
};

export const isNetworkEvent = eventsOf<NetworkEvent>({
  NetworkCreated: true,
  NetworkStructureAdded: true,
  NetworkStructureRemoved: true,
});

export const networkDecider = aggregateDecider<NetworkCommand, NetworkEvent, NetworkState>({
  initialState: () => ({ status: 'unknown' }),
  decide: decideNetwork,
  isOwnEvent: isNetworkEvent,
  evolveOwn: evolveNetwork,
});
