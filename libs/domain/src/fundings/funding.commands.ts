import type { FunderKind } from './funding.events';

export type RegisterFunder = { type: 'RegisterFunder'; funderId: string; name: string; kind: FunderKind };
export type FunderCommand = RegisterFunder;

export type GrantFunding = {
  type: 'GrantFunding';
  fundingId: string;
  funderId: string;
  structureIds: string[];
  from: string;
  to: string;
  amountEuros: number | null;
  targets: { people: number | null; cafes: number | null };
};
export type AddFundingStructure = { type: 'AddFundingStructure'; fundingId: string; structureId: string };
export type FundingCommand = GrantFunding | AddFundingStructure;
