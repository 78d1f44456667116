/**
 * The vocabulary of the geographic reference. `TerritoryLevel` is spelled exactly as in
 * `@cafeia/domain` (structurally the same union) so this library stays free of dependencies.
 */
export const TERRITORY_LEVELS = ['region', 'department', 'commune'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** A territory named by level and INSEE code, as written in the API: `region:84`. */
export type TerritoryRef = { readonly level: TerritoryLevel; readonly code: string };

/** `region:84`, `department:69`, `commune:69123`: the key a café's figures are counted under. */
export type TerritoryKey = `${TerritoryLevel}:${string}`;

export type Territory = {
  readonly level: TerritoryLevel;
  readonly code: string;
  /** As in the official geographic code, accents kept. */
  readonly name: string;
  /** Official municipal population, summed over current communes; 0 where INSEE publishes none. */
  readonly population: number;
  /** The department of a commune, the region of a department; absent for a region. */
  readonly parent?: TerritoryRef;
};

/** An arrondissement of Paris, Lyon or Marseille, as given by a caller. */
export type MunicipalArrondissement = {
  readonly code: string;
  readonly name: string;
  readonly population: number;
};

/**
 * The commune a code counts toward. For a municipal arrondissement, `code`, `name` and
 * `population` are the parent commune's (Lyon for 69381) and the arrondissement given is kept in
 * `arrondissementOf` (its code) and `arrondissement` (its details).
 */
export type ResolvedCommune = {
  readonly code: string;
  readonly name: string;
  readonly departmentCode: string;
  readonly regionCode: string;
  readonly population: number;
  readonly arrondissementOf?: string;
  readonly arrondissement?: MunicipalArrondissement;
};

export function isTerritoryLevel(value: unknown): value is TerritoryLevel {
  return value === 'region' || value === 'department' || value === 'commune';
}

export function territoryKey(ref: TerritoryRef): TerritoryKey {
  return `${ref.level}:${ref.code}`;
}
