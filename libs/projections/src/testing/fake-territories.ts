import type { TerritoryLevel } from '@cafeia/domain';
import type { TerritoryDirectory, TerritoryInfo } from '../territory/territory-directory';

interface FakeCommune {
  code: string;
  name: string;
  department: string;
  population: number;
  /** set for a municipal arrondissement: its parent commune */
  parent?: string;
  /** SIREN of its EPCI (current communes only; an arrondissement is in its commune's) */
  epci?: string;
}

const regions: TerritoryInfo[] = [
  { level: 'region', code: '11', name: 'Île-de-France', population: 12_000_000 },
  { level: 'region', code: '84', name: 'Auvergne-Rhône-Alpes', population: 8_000_000 },
  { level: 'region', code: '93', name: "Provence-Alpes-Côte d'Azur", population: 5_000_000 },
  { level: 'region', code: '04', name: 'La Réunion', population: 870_000 },
  { level: 'region', code: '02', name: 'Martinique', population: 350_000 },
];
const departments: (TerritoryInfo & { region: string })[] = [
  { level: 'department', code: '75', name: 'Paris', population: 2_100_000, region: '11' },
  { level: 'department', code: '92', name: 'Hauts-de-Seine', population: 1_600_000, region: '11' },
  { level: 'department', code: '69', name: 'Rhône', population: 1_900_000, region: '84' },
  { level: 'department', code: '13', name: 'Bouches-du-Rhône', population: 2_000_000, region: '93' },
  { level: 'department', code: '974', name: 'La Réunion', population: 870_000, region: '04' },
  { level: 'department', code: '972', name: 'Martinique', population: 350_000, region: '02' },
];
/** the Grand Paris spans two of the fake's departments (75 and 92), as real EPCIs may */
const epcis: TerritoryInfo[] = [
  { level: 'epci', code: '200054781', name: 'Métropole du Grand Paris', population: 2_220_000 },
  { level: 'epci', code: '200046977', name: 'Métropole de Lyon', population: 670_000 },
  { level: 'epci', code: '200054807', name: "Métropole d'Aix-Marseille-Provence", population: 1_015_000 },
  { level: 'epci', code: '249740119', name: 'CA Intercommunale du Nord de la Réunion', population: 150_000 },
];
const communes: FakeCommune[] = [
  { code: '75056', name: 'Paris', department: '75', population: 2_100_000, epci: '200054781' },
  { code: '75101', name: 'Paris 1er Arrondissement', department: '75', population: 16_000, parent: '75056' },
  { code: '75104', name: 'Paris 4e Arrondissement', department: '75', population: 28_000, parent: '75056' },
  { code: '75120', name: 'Paris 20e Arrondissement', department: '75', population: 190_000, parent: '75056' },
  { code: '92012', name: 'Boulogne-Billancourt', department: '92', population: 120_000, epci: '200054781' },
  { code: '69123', name: 'Lyon', department: '69', population: 520_000, epci: '200046977' },
  { code: '69381', name: 'Lyon 1er Arrondissement', department: '69', population: 30_000, parent: '69123' },
  { code: '69385', name: 'Lyon 5e Arrondissement', department: '69', population: 50_000, parent: '69123' },
  { code: '69266', name: 'Villeurbanne', department: '69', population: 150_000, epci: '200046977' },
  { code: '13055', name: 'Marseille', department: '13', population: 870_000, epci: '200054807' },
  { code: '13201', name: 'Marseille 1er Arrondissement', department: '13', population: 40_000, parent: '13055' },
  { code: '13216', name: 'Marseille 16e Arrondissement', department: '13', population: 16_000, parent: '13055' },
  { code: '13001', name: 'Aix-en-Provence', department: '13', population: 145_000, epci: '200054807' },
  { code: '97411', name: 'Saint-Denis', department: '974', population: 150_000, epci: '249740119' },
  { code: '97209', name: 'Fort-de-France', department: '972', population: 76_000 },
];

/**
 * A small stand-in for `@cafeia/territories` with the same behaviour on the codes it knows: Paris,
 * Lyon and Marseille with a few arrondissements, a commune beside each, two overseas departments, and
 * four EPCIs (Fort-de-France is in none here, so that a commune without EPCI is covered too).
 */
export class FakeTerritories implements TerritoryDirectory {
  static readonly communeCodes = communes.map((c) => c.code);

  private commune_(code: string): FakeCommune {
    const commune = communes.find((c) => c.code === code);
    if (!commune) throw new RangeError(`unknown commune ${code}`);
    return commune;
  }

  /** the current commune a code counts toward (an arrondissement → its parent) */
  resolveCommune(code: string): string {
    const commune = this.commune_(code);
    return commune.parent ?? commune.code;
  }

  keysOf(communeCode: string): string[] {
    const commune = this.commune_(this.resolveCommune(communeCode));
    const department = departments.find((d) => d.code === commune.department)!;
    const keys = [`commune:${commune.code}`, `department:${department.code}`, `region:${department.region}`];
    // the real reference gives the EPCI key last, when the commune has one
    return commune.epci ? [...keys, `epci:${commune.epci}`] : keys;
  }

  isParis(communeCode: string): boolean {
    return this.resolveCommune(communeCode) === '75056';
  }

  region(code: string): TerritoryInfo | undefined {
    return regions.find((r) => r.code === code);
  }

  department(code: string): TerritoryInfo | undefined {
    const d = departments.find((x) => x.code === code);
    return d && { level: 'department', code: d.code, name: d.name, population: d.population };
  }

  commune(code: string): TerritoryInfo | undefined {
    const c = communes.find((x) => x.code === code && !x.parent);
    return c && { level: 'commune', code: c.code, name: c.name, population: c.population };
  }

  epci(code: string): TerritoryInfo | undefined {
    return epcis.find((e) => e.code === code);
  }

  /** the EPCIs with at least one commune in the department */
  epcisOf(departmentCode: string): TerritoryInfo[] {
    return epcis.filter((e) => communes.some((c) => c.epci === e.code && c.department === departmentCode));
  }

  communesOfEpci(epciCode: string): TerritoryInfo[] {
    return communes.filter((c) => c.epci === epciCode).map((c) => this.commune(c.code)!);
  }

  departmentsOf(regionCode: string): TerritoryInfo[] {
    return departments.filter((d) => d.region === regionCode).map((d) => this.department(d.code)!);
  }

  communesOf(departmentCode: string): TerritoryInfo[] {
    return communes.filter((c) => c.department === departmentCode && !c.parent).map((c) => this.commune(c.code)!);
  }

  all(level: TerritoryLevel): TerritoryInfo[] {
    if (level === 'region') return [...regions];
    if (level === 'department') return departments.map((d) => this.department(d.code)!);
    if (level === 'epci') return [...epcis];
    return communes.filter((c) => !c.parent).map((c) => this.commune(c.code)!);
  }

  apportion(nationalTarget: number, level: TerritoryLevel, code: string): number {
    const total = regions.reduce((sum, r) => sum + r.population, 0);
    const territory = this[level](code);
    return territory ? Math.round((nationalTarget * territory.population) / total) : 0;
  }
}
