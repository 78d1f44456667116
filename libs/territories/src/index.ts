export { Territories, PARIS_COMMUNE_CODE, type TerritorySearchResult } from './territories';
export {
  EPCI_KINDS,
  TERRITORY_LEVELS,
  isTerritoryLevel,
  territoryKey,
  type Epci,
  type EpciKind,
  type MunicipalArrondissement,
  type ResolvedCommune,
  type Territory,
  type TerritoryKey,
  type TerritoryLevel,
  type TerritoryOf,
  type TerritoryRef,
} from './territory';
export { apportion } from './apportion';
export { buildReferenceIndex, type ReferenceIndex } from './reference-index';
export { EPCI_KIND_LABELS } from './search-context';
export type { SearchOptions } from './search-index';
export type {
  OfficialData,
  OfficialCommuneRecord,
  OfficialDepartmentRecord,
  OfficialEpciRecord,
  OfficialRegionRecord,
} from './official-data';
