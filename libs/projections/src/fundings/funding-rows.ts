import type { FunderRegistered, FundingGranted } from '@cafeia/domain';

export const funderRow = (event: FunderRegistered): [string, string, string] => [event.data.funderId, event.data.name, event.data.kind];

export const fundingRow = (event: FundingGranted): (string | number | null)[] => [
  event.data.fundingId,
  event.data.funderId,
  event.data.from,
  event.data.to,
  event.data.amountEuros,
  event.data.targets.people,
  event.data.targets.cafes,
];
