import type { AnimatorRegistered, StructureRegistered } from '@cafeia/domain';
import { cafeStatus, type CafeView } from '../cafes/cafe-view';
import type { Place } from '../territory/territory-directory';
import type { PublicAnimatorTable, PublicCafeTable, PublicStructureTable } from './public-agenda.tables';

/** the EPCI code among a place's keys (`epci:200046977`), when the reference gives one */
export const epciOf = (place: Place): string | null => place.keys.find((key) => key.startsWith('epci:'))?.slice('epci:'.length) ?? null;

const placeColumns = (place: Place) => ({ commune: place.commune, department: place.department, region: place.region, epci: epciOf(place) });

/**
 * A café's public row after one of its events: the view of the cafés directory without what is not public
 * (animators, enrolments and attendance, the reason of a cancellation), plus what calendars need (how many
 * times it moved, where it was before). Enrolments only show as the places left.
 */
export function publicCafeRow(previous: PublicCafeTable | null, view: CafeView, rescheduled: boolean, place: Place): PublicCafeTable {
  return {
    cafe_id: view.cafeId,
    structure_id: view.structureId,
    title: view.title,
    format: view.format,
    starts_at: view.startsAt,
    starts_at_ms: view.startsAtMs,
    ends_at: view.endsAt,
    online: view.online ? 1 : 0,
    audience: view.audience,
    commune_code: view.communeCode,
    ...placeColumns(place),
    places_left: view.capacity === null ? null : Math.max(0, view.capacity - view.enrolled),
    status: cafeStatus(view),
    reschedules: (previous?.reschedules ?? 0) + (rescheduled ? 1 : 0),
    previous_starts_at: rescheduled ? (previous?.starts_at ?? null) : (previous?.previous_starts_at ?? null),
  };
}

/** `YYYY-MM-DD` of when the fact was recorded; a rebuild gives the same day (it comes from the stored event) */
const dayOf = (recordedAt: string | null): string => (recordedAt && !Number.isNaN(Date.parse(recordedAt)) ? new Date(recordedAt).toISOString().slice(0, 10) : '1970-01-01');

export function publicStructureRow(event: StructureRegistered, place: Place, recordedAt: string | null): PublicStructureTable {
  const d = event.data;
  return {
    structure_id: d.structureId,
    name: d.name,
    kind: d.kind,
    siret: d.siret,
    commune_code: d.communeCode,
    ...placeColumns(place),
    address: d.address,
    postal_code: d.postalCode,
    updated_on: dayOf(recordedAt),
  };
}

/** null for an animator who did not ask to be listed: nothing of them is written */
export function publicAnimatorRow(event: AnimatorRegistered, place: Place): PublicAnimatorTable | null {
  const d = event.data;
  if (d.listed !== true) return null;
  return { animator_id: d.animatorId, display_name: d.displayName, commune_code: d.communeCode, ...placeColumns(place), training_status: 'none' };
}

export const PUBLIC_CAFE_COLUMNS = [
  'cafe_id',
  'structure_id',
  'title',
  'format',
  'starts_at',
  'starts_at_ms',
  'ends_at',
  'online',
  'audience',
  'commune_code',
  'commune',
  'department',
  'region',
  'epci',
  'places_left',
  'status',
  'reschedules',
  'previous_starts_at',
] as const satisfies readonly (keyof PublicCafeTable)[];

export const PUBLIC_STRUCTURE_COLUMNS = [
  'structure_id',
  'name',
  'kind',
  'siret',
  'commune_code',
  'commune',
  'department',
  'region',
  'epci',
  'address',
  'postal_code',
  'updated_on',
] as const satisfies readonly (keyof PublicStructureTable)[];

export const PUBLIC_ANIMATOR_COLUMNS = [
  'animator_id',
  'display_name',
  'commune_code',
  'commune',
  'department',
  'region',
  'epci',
  'training_status',
] as const satisfies readonly (keyof PublicAnimatorTable)[];

export const valuesOf = <Row, C extends readonly (keyof Row)[]>(row: Row, columns: C): (string | number | null)[] =>
  columns.map((column) => row[column] as string | number | null);
