/**
 * The levels territories are written with (`region:84`, `epci:200046977`): the official geographic code's
 * regions, departments and communes, and the intercommunalities (EPCI, by SIREN) of its EPCI list.
 */
export const TERRITORY_LEVELS = ['region', 'department', 'epci', 'commune'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];
