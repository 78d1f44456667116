import type { TerritoryLevel } from '@cafeia/domain';

/** Where a row counts: the commune, department, region and EPCI codes (as the directories answer them). */
export interface PlaceCodes {
  commune: string | null;
  department: string | null;
  region: string | null;
  epci: string | null;
}

/** the column of a directory table (cafés, structures, animators) that holds a level's code */
export const LEVEL_COLUMN = { region: 'region', department: 'department', epci: 'epci', commune: 'commune' } as const satisfies Record<TerritoryLevel, string>;
