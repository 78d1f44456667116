import type { TerritoryTargetSet } from '@cafeia/domain';
import { territoryKey } from '../territory/territory-directory';

/** The last target set for a territory overrides its apportioned default. */
export const territoryTargetRow = (event: TerritoryTargetSet): [string, number, string] => [
  territoryKey(event.data.level, event.data.code),
  event.data.people,
  event.data.at,
];
