import { apportion } from './apportion';
import { communeInside, territoryInside } from './containment';
import { readOfficialData } from './official-data';
import { buildReferenceIndex, type ReferenceIndex } from './reference-index';
import { searchContext } from './search-context';
import { buildSearchIndex, searchTerritories, type SearchIndex, type SearchOptions } from './search-index';
import {
  isTerritoryLevel,
  type Epci,
  type MunicipalArrondissement,
  type ResolvedCommune,
  type Territory,
  type TerritoryKey,
  type TerritoryLevel,
  type TerritoryOf,
  type TerritoryRef,
} from './territory';

/** A search result as a list shows it: `{level: 'commune', code: '69123', name: 'Lyon', context: 'Rhône (69) · Auvergne-Rhône-Alpes'}`. */
export type TerritorySearchResult = {
  readonly level: TerritoryLevel;
  readonly code: string;
  readonly name: string;
  /** In French: where it lies, to tell namesakes apart. */
  readonly context: string;
};

export const PARIS_COMMUNE_CODE = '75056';

const NO_KEYS: readonly TerritoryKey[] = Object.freeze([]);
const NONE: readonly never[] = Object.freeze([]);

/** One search index per reference, shared by every instance over it. */
const searchIndexes = new WeakMap<ReferenceIndex, SearchIndex>();

let officialIndex: ReferenceIndex | undefined;
/** Parsed and indexed once per process, on first use, then shared by every instance. */
function loadOfficialIndex(): ReferenceIndex {
  return (officialIndex ??= buildReferenceIndex(readOfficialData()));
}

/**
 * The official French geographic reference (communes, EPCIs, departments, regions, populations).
 *
 * A commune code is accepted when it is a current commune or a municipal arrondissement (Paris,
 * Lyon, Marseille); an arrondissement counts toward its commune. Delegated and associated communes,
 * former codes and anything malformed are unknown. Lookups never throw: unknown gives `null`,
 * an empty list or `false`.
 */
export class Territories {
  private static shared: Territories | undefined;
  private index: ReferenceIndex | undefined;

  /** `load` is for tests with a hand-made dataset; by default the official data is used. */
  constructor(private readonly load: () => ReferenceIndex = loadOfficialIndex) {}

  /** One instance for code outside dependency injection (pure projections, scripts). */
  static official(): Territories {
    return (Territories.shared ??= new Territories());
  }

  private get ref(): ReferenceIndex {
    return (this.index ??= this.load());
  }

  /** Loads the reference now rather than on the first request; with `search`, the search index too. */
  warmUp(options: { search?: boolean } = {}): this {
    void this.ref;
    if (options.search) this.searchIndex();
    return this;
  }

  resolveCommune(code: string): ResolvedCommune | null {
    return this.ref.resolved.get(code) ?? null;
  }

  /** The territory at that level; a commune given as an arrondissement code is its parent commune. */
  territory<L extends TerritoryLevel>(level: L, code: string): TerritoryOf<L> | null {
    if (level === 'commune') {
      const commune = this.ref.resolved.get(code);
      return commune ? (this.ref.territories.commune.get(commune.code) as TerritoryOf<L>) : null;
    }
    const territories = this.ref.territories[level] as ReadonlyMap<string, TerritoryOf<L>> | undefined;
    return territories?.get(code) ?? null;
  }

  region(code: string): Territory<'region'> | null {
    return this.territory('region', code);
  }

  department(code: string): Territory<'department'> | null {
    return this.territory('department', code);
  }

  /** By SIREN (`200046977`, the Métropole de Lyon). */
  epci(code: string): Epci | null {
    return this.territory('epci', code);
  }

  commune(code: string): Territory<'commune'> | null {
    return this.territory('commune', code);
  }

  /** The official name at that level, accents kept; null when unknown. */
  name(level: TerritoryLevel, code: string): string | null {
    return this.territory(level, code)?.name ?? null;
  }

  /** The EPCI of a commune or of an arrondissement's commune; null when unknown or in none (Paris is in the Métropole du Grand Paris; see the README for those in none). */
  epciOf(communeCode: string): Epci | null {
    const commune = this.ref.resolved.get(communeCode);
    return (commune && this.ref.epciByCommune.get(commune.code)) ?? null;
  }

  /** The current communes of an EPCI, sorted by code. */
  communesOfEpci(epciCode: string): readonly Territory<'commune'>[] {
    return this.ref.communesByEpci.get(epciCode) ?? NONE;
  }

  /** The departments an EPCI has communes in (several for 89 of them), sorted by code. */
  departmentsOfEpci(epciCode: string): readonly Territory<'department'>[] {
    const epci = this.ref.territories.epci.get(epciCode);
    return epci ? epci.departmentCodes.map((code) => this.ref.territories.department.get(code)!) : NONE;
  }

  /** The regions an EPCI has communes in (two for 26 of them), sorted by code. */
  regionsOfEpci(epciCode: string): readonly Territory<'region'>[] {
    const epci = this.ref.territories.epci.get(epciCode);
    return epci ? epci.regionCodes.map((code) => this.ref.territories.region.get(code)!) : NONE;
  }

  /** The EPCIs with at least one commune in the department, whether or not wholly inside it, sorted by SIREN. */
  epcisOf(departmentCode: string): readonly Epci[] {
    return this.ref.epcisByDepartment.get(departmentCode) ?? NONE;
  }

  /**
   * La Poste's postcodes of a commune or of an arrondissement, sorted: `['69001']` for 69381, the
   * nine of Lyon for 69123. Empty when unknown or without one (the French Southern Lands).
   */
  postcodesOf(communeCode: string): readonly string[] {
    return this.ref.postcodes.get(communeCode) ?? NONE;
  }

  departmentsOf(regionCode: string): readonly Territory<'department'>[] {
    return this.ref.departmentsByRegion.get(regionCode) ?? NONE;
  }

  /** Current communes only: arrondissements are inside their commune, not beside it. */
  communesOf(departmentCode: string): readonly Territory<'commune'>[] {
    return this.ref.communesByDepartment.get(departmentCode) ?? NONE;
  }

  arrondissementsOf(communeCode: string): readonly MunicipalArrondissement[] {
    return this.ref.arrondissementsByCommune.get(communeCode) ?? NONE;
  }

  /** Every territory of a level, sorted by code. */
  all<L extends TerritoryLevel>(level: L): readonly TerritoryOf<L>[] {
    return (this.ref.all[level] as readonly TerritoryOf<L>[] | undefined) ?? NONE;
  }

  /** `region:84` → `{level: 'region', code: '84'}`; null unless the level is known and the code exists there. */
  parseTerritory(input: string): TerritoryRef | null {
    if (typeof input !== 'string') return null;
    const separator = input.indexOf(':');
    if (separator < 0) return null;
    const level = input.slice(0, separator);
    if (!isTerritoryLevel(level)) return null;
    const territory = this.territory(level, input.slice(separator + 1));
    return territory ? { level, code: territory.code } : null;
  }

  /** Whether a commune or arrondissement lies inside the territory (an EPCI: is one of its communes). */
  contains(territory: TerritoryRef, communeCode: string): boolean {
    const commune = this.ref.resolved.get(communeCode);
    return commune ? communeInside(this.ref, territory, commune) : false;
  }

  /**
   * Whether `inner` lies wholly inside `outer`, at any levels: every commune of `inner` is in
   * `outer`. The scope rule of coordinators and local referents: a department holds an EPCI only
   * when all its communes are in the department. A territory holds itself; unknown ones hold nothing.
   */
  territoryContains(outer: TerritoryRef, inner: TerritoryRef): boolean {
    const outerTerritory = this.territoryOf(outer);
    const innerTerritory = this.territoryOf(inner);
    return outerTerritory !== null && innerTerritory !== null && territoryInside(this.ref, outerTerritory, innerTerritory);
  }

  private territoryOf(ref: TerritoryRef): Territory | null {
    return ref && isTerritoryLevel(ref.level) && typeof ref.code === 'string' ? this.territory(ref.level, ref.code) : null;
  }

  /**
   * The keys a café in that commune counts toward, commune first, its EPCI last when it has one:
   * `['commune:69123', 'department:69', 'region:84', 'epci:200046977']`. Empty for an unknown
   * code. The array is shared and frozen.
   */
  keysOf(communeCode: string): readonly TerritoryKey[] {
    return this.ref.keys.get(communeCode) ?? NO_KEYS;
  }

  /** Sum of the official populations of the current communes inside it; null when unknown. */
  population(level: TerritoryLevel, code: string): number | null {
    return this.territory(level, code)?.population ?? null;
  }

  nationalPopulation(): number {
    return this.ref.nationalPopulation;
  }

  /** The territory's share of the national target by population, in whole people; null when unknown. */
  apportion(nationalTarget: number, level: TerritoryLevel, code: string): number | null {
    const population = this.population(level, code);
    return population === null ? null : apportion(nationalTarget, population, this.ref.nationalPopulation);
  }

  /**
   * Regions, departments, EPCIs and communes by name (accents, case, hyphens and apostrophes
   * ignored), by INSEE code, department number, SIREN or postcode, best first (README "Search").
   * The index is built on the first search (≈ 60 ms), then a query takes microseconds.
   */
  search(query: string, options: SearchOptions = {}): readonly TerritorySearchResult[] {
    return searchTerritories(this.searchIndex(), query, options).map((t) => ({
      level: t.level,
      code: t.code,
      name: t.name,
      context: searchContext(this.ref, t),
    }));
  }

  private searchIndex(): SearchIndex {
    let index = searchIndexes.get(this.ref);
    if (!index) searchIndexes.set(this.ref, (index = buildSearchIndex(this.ref)));
    return index;
  }

  /** The commune of Paris or one of its twenty arrondissements. */
  isParis(communeCode: string): boolean {
    return this.ref.resolved.get(communeCode)?.code === PARIS_COMMUNE_CODE;
  }
}
