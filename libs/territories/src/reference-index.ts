import { buildEpciIndex } from './epci-index';
import type { OfficialData } from './official-data';
import { indexPostcodes } from './postcodes';
import {
  type Epci,
  type MunicipalArrondissement,
  type ResolvedCommune,
  type Territory,
  type TerritoryKey,
  type TerritoryLevel,
  type TerritoryOf,
  territoryKey,
} from './territory';

/**
 * Everything the lookups need, computed once so that every query on a hot path is a Map read.
 * Only current communes and municipal arrondissements are indexed: delegated and associated
 * communes share codes with current ones and are not places a café can be counted in.
 */
export type ReferenceIndex = {
  readonly territories: { readonly [L in TerritoryLevel]: ReadonlyMap<string, TerritoryOf<L>> };
  readonly all: { readonly [L in TerritoryLevel]: readonly TerritoryOf<L>[] };
  /** Current communes and municipal arrondissements, by the code a caller may give. */
  readonly resolved: ReadonlyMap<string, ResolvedCommune>;
  readonly keys: ReadonlyMap<string, readonly TerritoryKey[]>;
  readonly departmentsByRegion: ReadonlyMap<string, readonly Territory<'department'>[]>;
  readonly communesByDepartment: ReadonlyMap<string, readonly Territory<'commune'>[]>;
  readonly arrondissementsByCommune: ReadonlyMap<string, readonly MunicipalArrondissement[]>;
  /** By current commune code; communes in no EPCI are absent. */
  readonly epciByCommune: ReadonlyMap<string, Epci>;
  readonly communesByEpci: ReadonlyMap<string, readonly Territory<'commune'>[]>;
  readonly epcisByDepartment: ReadonlyMap<string, readonly Epci[]>;
  /** By current commune or arrondissement code. */
  readonly postcodes: ReadonlyMap<string, readonly string[]>;
  readonly nationalPopulation: number;
};

const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  for (const group of groups.values()) Object.freeze(group);
  return groups;
}

function arrondissementsByCommune(
  arrondissements: readonly { commune: string; arrondissement: MunicipalArrondissement }[],
): Map<string, readonly MunicipalArrondissement[]> {
  const grouped = new Map<string, MunicipalArrondissement[]>();
  for (const { commune, arrondissement } of arrondissements) {
    const list = grouped.get(commune) ?? [];
    list.push(arrondissement);
    grouped.set(commune, list);
  }
  for (const list of grouped.values()) Object.freeze(list.sort(byCode));
  return grouped;
}

/** Throws on an inconsistent dataset: a broken reference must stop the service at start, not miscount. */
export function buildReferenceIndex(data: OfficialData): ReferenceIndex {
  const regionRecords = new Map(data.regions.map((r) => [r.code, r]));
  const departmentRecords = new Map(data.departments.map((d) => [d.code, d]));
  for (const d of data.departments) {
    if (!regionRecords.has(d.region)) throw new Error(`department ${d.code}: unknown region ${d.region}`);
  }

  const communes: Territory<'commune'>[] = [];
  const resolved = new Map<string, ResolvedCommune>();
  const populationByDepartment = new Map<string, number>();
  let nationalPopulation = 0;

  for (const c of data.communes) {
    if (c.type !== 'commune-actuelle') continue;
    const department = departmentRecords.get(c.departement);
    if (!department || department.region !== c.region) {
      throw new Error(`commune ${c.code}: department ${c.departement} not in region ${c.region}`);
    }
    if (resolved.has(c.code)) throw new Error(`commune ${c.code}: listed twice as current`);
    const population = c.population ?? 0;
    nationalPopulation += population;
    populationByDepartment.set(c.departement, (populationByDepartment.get(c.departement) ?? 0) + population);
    communes.push(
      Object.freeze({
        level: 'commune',
        code: c.code,
        name: c.nom,
        population,
        parent: Object.freeze({ level: 'department', code: c.departement }),
      }),
    );
    resolved.set(
      c.code,
      Object.freeze({ code: c.code, name: c.nom, departmentCode: c.departement, regionCode: c.region, population }),
    );
  }

  // Arrondissements after every current commune, so each can point at its parent.
  const arrondissements: { commune: string; arrondissement: MunicipalArrondissement }[] = [];
  for (const c of data.communes) {
    if (c.type !== 'arrondissement-municipal') continue;
    const parent = c.commune === undefined ? undefined : resolved.get(c.commune);
    if (!parent || parent.arrondissementOf !== undefined) {
      throw new Error(`arrondissement ${c.code}: unknown parent commune ${String(c.commune)}`);
    }
    if (resolved.has(c.code)) throw new Error(`arrondissement ${c.code}: code already used by a current commune`);
    const arrondissement = Object.freeze({ code: c.code, name: c.nom, population: c.population ?? 0 });
    arrondissements.push({ commune: parent.code, arrondissement });
    resolved.set(c.code, Object.freeze({ ...parent, arrondissementOf: c.code, arrondissement }));
  }

  const departments: Territory<'department'>[] = data.departments.map((d) =>
    Object.freeze({
      level: 'department',
      code: d.code,
      name: d.nom,
      population: populationByDepartment.get(d.code) ?? 0,
      parent: Object.freeze({ level: 'region', code: d.region }),
    }),
  );
  const populationByRegion = new Map<string, number>();
  for (const d of departments) {
    const region = d.parent!.code;
    populationByRegion.set(region, (populationByRegion.get(region) ?? 0) + d.population);
  }
  const regions: Territory<'region'>[] = data.regions.map((r) =>
    Object.freeze({ level: 'region', code: r.code, name: r.nom, population: populationByRegion.get(r.code) ?? 0 }),
  );

  for (const list of [regions, departments, communes]) list.sort(byCode);
  const communeMap = new Map(communes.map((t) => [t.code, t]));
  const epciIndex = buildEpciIndex(data.epcis ?? [], resolved, communeMap);

  // One key string per territory, shared by every commune that counts toward it. The EPCI comes
  // last: the strict chain commune ⊂ department ⊂ region keeps its places, and an EPCI may straddle it.
  const regionKeys = new Map(regions.map((r) => [r.code, territoryKey(r)]));
  const departmentKeys = new Map(departments.map((d) => [d.code, territoryKey(d)]));
  const epciKeys = new Map(epciIndex.epcis.map((e) => [e.code, territoryKey(e)]));
  const keys = new Map<string, readonly TerritoryKey[]>();
  for (const commune of communes) {
    const r = resolved.get(commune.code)!;
    const epci = epciIndex.epciByCommune.get(commune.code);
    const [own, department, region] = [territoryKey(commune), departmentKeys.get(r.departmentCode)!, regionKeys.get(r.regionCode)!];
    // Array literals: a spread array keeps spare capacity, twice the memory over 35,000 communes.
    keys.set(commune.code, Object.freeze(epci ? [own, department, region, epciKeys.get(epci.code)!] : [own, department, region]));
  }
  for (const { commune, arrondissement } of arrondissements) keys.set(arrondissement.code, keys.get(commune)!);

  return {
    territories: {
      region: new Map(regions.map((t) => [t.code, t])),
      department: new Map(departments.map((t) => [t.code, t])),
      epci: new Map(epciIndex.epcis.map((t) => [t.code, t])),
      commune: communeMap,
    },
    all: {
      region: Object.freeze(regions),
      department: Object.freeze(departments),
      epci: epciIndex.epcis,
      commune: Object.freeze(communes),
    },
    resolved,
    keys,
    departmentsByRegion: groupBy(departments, (d) => d.parent!.code),
    communesByDepartment: groupBy(communes, (c) => c.parent!.code),
    arrondissementsByCommune: arrondissementsByCommune(arrondissements),
    epciByCommune: epciIndex.epciByCommune,
    communesByEpci: epciIndex.communesByEpci,
    epcisByDepartment: epciIndex.epcisByDepartment,
    postcodes: indexPostcodes(
      data.communes.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal'),
    ),
    nationalPopulation,
  };
}
