import type { TerritoryLevel } from '../territory-level';

/** Stream `territorytarget-{level}_{code}`. */
export type TerritoryTargetSet = {
  type: 'TerritoryTargetSet';
  data: { level: TerritoryLevel; code: string; people: number; at: string };
};
