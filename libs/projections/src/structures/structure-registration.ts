import type { StructureRegistered } from '@cafeia/domain';
import type { Place } from '../territory/territory-directory';

export const STRUCTURE_REGISTRATION_COLUMNS = ['structure_id', 'name', 'kind', 'commune_code', 'commune', 'department', 'region', 'siret', 'epci'] as const;

/**
 * A structure's identity columns. Its counters (cafés held, people reached) are written separately as
 * deltas, so a café may be counted before its structure's registration is applied (Kafka partitions)
 * and the two still meet in one row.
 */
export const structureRegistration = (event: StructureRegistered, placeOf: (communeCode: string) => Place): (string | null)[] => {
  const place = placeOf(event.data.communeCode);
  return [event.data.structureId, event.data.name, event.data.kind, event.data.communeCode, place.commune, place.department, place.region, event.data.siret, place.epci];
};
