export { Territories, PARIS_COMMUNE_CODE } from './territories';
export {
  TERRITORY_LEVELS,
  isTerritoryLevel,
  territoryKey,
  type MunicipalArrondissement,
  type ResolvedCommune,
  type Territory,
  type TerritoryKey,
  type TerritoryLevel,
  type TerritoryRef,
} from './territory';
export { apportion } from './apportion';
export { buildReferenceIndex, type ReferenceIndex } from './reference-index';
export type { OfficialData, OfficialCommuneRecord, OfficialDepartmentRecord, OfficialRegionRecord } from './official-data';
