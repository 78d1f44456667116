import type { NetworkKind } from './network.events';

export type CreateNetwork = { type: 'CreateNetwork'; networkId: string; name: string; kind: NetworkKind };
export type AddNetworkStructure = { type: 'AddNetworkStructure'; networkId: string; structureId: string; now: string };
export type RemoveNetworkStructure = { type: 'RemoveNetworkStructure'; networkId: string; structureId: string; now: string };
export type NetworkCommand = CreateNetwork | AddNetworkStructure | RemoveNetworkStructure;
