import type { TerritoryLevel } from '../territory-level';

export type SetTerritoryTarget = {
  type: 'SetTerritoryTarget';
  level: TerritoryLevel;
  code: string;
  people: number;
  now: string;
};
export type TerritoryTargetCommand = SetTerritoryTarget;
