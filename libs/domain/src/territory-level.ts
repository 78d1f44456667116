/** The levels of the official geographic code that territories are written with (`region:84`). */
export const TERRITORY_LEVELS = ['region', 'department', 'commune'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];
