import { apportion } from './apportion';
import { readOfficialData } from './official-data';
import { buildReferenceIndex, type ReferenceIndex } from './reference-index';
import {
  isTerritoryLevel,
  type MunicipalArrondissement,
  type ResolvedCommune,
  type Territory,
  type TerritoryKey,
  type TerritoryLevel,
  type TerritoryRef,
} from './territory';

export const PARIS_COMMUNE_CODE = '75056';

const NO_KEYS: readonly TerritoryKey[] = Object.freeze([]);
const NONE: readonly never[] = Object.freeze([]);

let officialIndex: ReferenceIndex | undefined;
/** Parsed and indexed once per process, on first use, then shared by every instance. */
function loadOfficialIndex(): ReferenceIndex {
  return (officialIndex ??= buildReferenceIndex(readOfficialData()));
}

/**
 * The official French geographic reference (communes, departments, regions, populations).
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

  /** Loads the reference now rather than on the first request. */
  warmUp(): this {
    void this.ref;
    return this;
  }

  resolveCommune(code: string): ResolvedCommune | null {
    return this.ref.resolved.get(code) ?? null;
  }

  /** The territory at that level; a commune given as an arrondissement code is its parent commune. */
  territory(level: TerritoryLevel, code: string): Territory | null {
    if (level === 'commune') {
      const commune = this.ref.resolved.get(code);
      return commune ? this.ref.territories.commune.get(commune.code)! : null;
    }
    return this.ref.territories[level]?.get(code) ?? null;
  }

  region(code: string): Territory | null {
    return this.territory('region', code);
  }

  department(code: string): Territory | null {
    return this.territory('department', code);
  }

  commune(code: string): Territory | null {
    return this.territory('commune', code);
  }

  departmentsOf(regionCode: string): readonly Territory[] {
    return this.ref.departmentsByRegion.get(regionCode) ?? NONE;
  }

  /** Current communes only: arrondissements are inside their commune, not beside it. */
  communesOf(departmentCode: string): readonly Territory[] {
    return this.ref.communesByDepartment.get(departmentCode) ?? NONE;
  }

  arrondissementsOf(communeCode: string): readonly MunicipalArrondissement[] {
    return this.ref.arrondissementsByCommune.get(communeCode) ?? NONE;
  }

  /** Every territory of a level, sorted by code. */
  all(level: TerritoryLevel): readonly Territory[] {
    return this.ref.all[level] ?? NONE;
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

  /** Whether a commune or arrondissement lies inside the territory. */
  contains(territory: TerritoryRef, communeCode: string): boolean {
    const commune = this.ref.resolved.get(communeCode);
    if (!commune) return false;
    switch (territory.level) {
      case 'region':
        return commune.regionCode === territory.code;
      case 'department':
        return commune.departmentCode === territory.code;
      case 'commune':
        return this.ref.resolved.get(territory.code)?.code === commune.code;
      default:
        return false;
    }
  }

  /**
   * The keys a café in that commune counts toward, commune first:
   * `['commune:69123', 'department:69', 'region:84']`. Empty for an unknown code. The array is
   * shared and frozen.
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

  /** The commune of Paris or one of its twenty arrondissements. */
  isParis(communeCode: string): boolean {
    return this.ref.resolved.get(communeCode)?.code === PARIS_COMMUNE_CODE;
  }
}
