/**
 * The vocabulary of the geographic reference. The first three levels are spelled exactly as in
 * `@cafeia/domain`; `epci` is the fourth (API.md "Territories: EPCI and local referents"). The
 * library stays free of dependencies, so the union is declared here.
 */
export const TERRITORY_LEVELS = ['region', 'department', 'epci', 'commune'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** A territory named by level and code, as written in the API: `region:84`, `epci:200046977`. */
export type TerritoryRef = { readonly level: TerritoryLevel; readonly code: string };

/** `region:84`, `department:69`, `epci:200046977`, `commune:69123`: the keys a café's figures are counted under. */
export type TerritoryKey = `${TerritoryLevel}:${string}`;

/** A territory of one level; `Territory` alone is any of them. */
export type Territory<L extends TerritoryLevel = TerritoryLevel> = {
  readonly level: L;
  /** INSEE code, or the SIREN for an EPCI. */
  readonly code: string;
  /** As in the official geographic code, accents kept. */
  readonly name: string;
  /** Official municipal population, summed over current communes; 0 where INSEE publishes none. */
  readonly population: number;
  /** The department of a commune, the region of a department; absent for a region and an EPCI. */
  readonly parent?: TerritoryRef;
};

/** The legal kinds of EPCI with their own tax base, as the official list spells them. */
export const EPCI_KINDS = ['CC', 'CA', 'CU', 'METRO', 'MET69'] as const;
export type EpciKind = (typeof EPCI_KINDS)[number];

/**
 * An intercommunality (EPCI à fiscalité propre), named by its SIREN. It has no single parent: its
 * communes may lie in several departments, even several regions.
 */
export type Epci = Territory<'epci'> & {
  readonly kind: EpciKind;
  /** Departments holding at least one of its communes, sorted by code. */
  readonly departmentCodes: readonly string[];
  /** Regions holding at least one of its communes, sorted by code. */
  readonly regionCodes: readonly string[];
};

/** What each level's lookups hand out: an `Epci` for `epci`, a plain `Territory` otherwise. */
export type TerritoryOf<L extends TerritoryLevel> = L extends 'epci' ? Epci : Territory<L>;

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
  return value === 'region' || value === 'department' || value === 'epci' || value === 'commune';
}

export function territoryKey(ref: TerritoryRef): TerritoryKey {
  return `${ref.level}:${ref.code}`;
}
