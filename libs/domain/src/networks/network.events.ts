/** Stream `network-{id}`: a partner network ("tête de réseau") and the structures that belong to it. */
export const NETWORK_KINDS = ['public_operator', 'company', 'association', 'local_authority', 'other'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export type NetworkCreated = {
  type: 'NetworkCreated';
  data: { networkId: string; name: string; kind: NetworkKind };
};
export type NetworkStructureAdded = {
  type: 'NetworkStructureAdded';
  data: { networkId: string; structureId: string; at: string };
};
export type NetworkStructureRemoved = {
  type: 'NetworkStructureRemoved';
  data: { networkId: string; structureId: string; at: string };
};
