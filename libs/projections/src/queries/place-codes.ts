import type { TerritoryLevel } from '@cafeia/domain';

/** Where a row counts: the commune, department and region codes (as the directories answer them). */
export interface PlaceCodes {
  commune: string | null;
  department: string | null;
  region: string | null;
}

/** the column of a directory table that holds a level's code */
export const LEVEL_COLUMN = { region: 'region', department: 'department', commune: 'commune' } as const satisfies Record<TerritoryLevel, string>;
