/** Streams `funder-{id}` and `funding-{id}`. */
export const FUNDER_KINDS = ['public', 'private', 'csr'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

export type FunderRegistered = {
  type: 'FunderRegistered';
  data: { funderId: string; name: string; kind: FunderKind };
};
export type FundingGranted = {
  type: 'FundingGranted';
  data: {
    fundingId: string;
    funderId: string;
    structureIds: string[];
    from: string;
    to: string;
    amountEuros: number | null;
    targets: { people: number | null; cafes: number | null };
  };
};
export type FundingStructureAdded = {
  type: 'FundingStructureAdded';
  data: { fundingId: string; structureId: string };
};
