import type { TerritoryLevel } from '@cafeia/domain';

/** A territory as the official reference describes it. */
export interface TerritoryInfo {
  level: TerritoryLevel;
  code: string;
  name: string;
  population: number;
}

/**
 * What the read side needs from `@cafeia/territories` (its `Territories` class satisfies it).
 * Declared here so projections depend on a small interface, and tests can pass a small fake.
 */
export interface TerritoryDirectory {
  /**
   * ['commune:69123', 'department:69', 'region:84', 'epci:200046977'] — an arrondissement maps to its parent
   * commune; the EPCI key comes when the reference has one (read models are written over keys, whatever the levels)
   */
  keysOf(communeCode: string): readonly string[];
  /** the commune of Paris (75056) or one of its arrondissements */
  isParis(communeCode: string): boolean;
  region(code: string): TerritoryInfo | null | undefined;
  department(code: string): TerritoryInfo | null | undefined;
  commune(code: string): TerritoryInfo | null | undefined;
  /** an intercommunality by SIREN (optional until the reference carries EPCIs) */
  epci?(code: string): TerritoryInfo | null | undefined;
  /** the EPCIs with at least one commune in the department (optional, as `epci`) */
  epcisOf?(departmentCode: string): readonly TerritoryInfo[];
  departmentsOf(regionCode: string): readonly TerritoryInfo[];
  all(level: TerritoryLevel): readonly TerritoryInfo[];
  /** the national target apportioned to that territory by population, in whole people (null: unknown) */
  apportion(nationalTarget: number, level: TerritoryLevel, code: string): number | null;
}

export const NATION = 'nation';

export const territoryKey = (level: TerritoryLevel, code: string): string => `${level}:${code}`;

/** Where a café or an animator counts: its (parent) commune, department, region and EPCI codes. */
export interface Place {
  commune: string | null;
  department: string | null;
  region: string | null;
  /** null where the reference knows no EPCI for the commune */
  epci: string | null;
  /** nation first, then the keys `keysOf` gives (commune, department, region, EPCI…) */
  keys: string[];
  outsideParis: boolean;
}

/**
 * Resolves commune codes to places once per code: events name the same few thousand communes
 * millions of times, and this keeps the cache bounded by the number of communes.
 */
export class PlaceResolver {
  private readonly cache = new Map<string, Place>();

  constructor(private readonly territories: Pick<TerritoryDirectory, 'keysOf' | 'isParis'>) {}

  of(communeCode: string): Place {
    let place = this.cache.get(communeCode);
    if (place) return place;
    let keys: readonly string[];
    try {
      keys = this.territories.keysOf(communeCode);
    } catch {
      // an unknown code (the write side validates; an old event may predate a commune merger): national only
      keys = [];
    }
    const codeAt = (level: TerritoryLevel): string | null => {
      const key = keys.find((k) => k.startsWith(`${level}:`));
      return key ? key.slice(level.length + 1) : null;
    };
    let paris = false;
    try {
      paris = this.territories.isParis(communeCode);
    } catch {
      paris = false;
    }
    place = {
      commune: codeAt('commune'),
      department: codeAt('department'),
      region: codeAt('region'),
      epci: codeAt('epci'),
      keys: [NATION, ...keys],
      outsideParis: !paris,
    };
    this.cache.set(communeCode, place);
    return place;
  }
}
