import { readFileSync } from 'node:fs';

/**
 * The records of `@etalab/decoupage-administratif` we read. The package's `index.js` resolves its
 * data relative to the working directory, so the JSON files are located with `require.resolve`.
 * They are parsed with `JSON.parse` rather than `require` so the 8.6 MB of raw records is not kept
 * in the module cache once indexed, and rather than a typed JSON import so the compiler does not
 * infer a type for 37,590 records.
 */
export type OfficialCommuneRecord = {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'arrondissement-municipal' | 'commune-deleguee' | 'commune-associee';
  departement: string;
  region: string;
  /** Absent for a few uninhabited overseas communes (French Southern Lands, Clipperton). */
  population?: number;
  /** On a municipal arrondissement: the commune it belongs to. */
  commune?: string;
  /** La Poste's postcodes serving it (an arrondissement its own; Paris, Lyon and Marseille all of theirs). */
  codesPostaux?: string[];
};

export type OfficialDepartmentRecord = { code: string; nom: string; region: string };
export type OfficialRegionRecord = { code: string; nom: string };
/** `epci.json`: code is the SIREN; members are current communes (populations there are of another vintage, unused). */
export type OfficialEpciRecord = { code: string; nom: string; type: string; membres: { code: string; nom?: string }[] };

export type OfficialData = {
  communes: readonly OfficialCommuneRecord[];
  departments: readonly OfficialDepartmentRecord[];
  regions: readonly OfficialRegionRecord[];
  /** Absent in a hand-made dataset: then no commune belongs to an EPCI. */
  epcis?: readonly OfficialEpciRecord[];
};

function readDataFile<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8')) as T;
}

export function readOfficialData(): OfficialData {
  return {
    communes: readDataFile<OfficialCommuneRecord[]>('communes.json'),
    departments: readDataFile<OfficialDepartmentRecord[]>('departements.json'),
    regions: readDataFile<OfficialRegionRecord[]>('regions.json'),
    epcis: readDataFile<OfficialEpciRecord[]>('epci.json'),
  };
}
