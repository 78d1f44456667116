/** Stream `structure-{id}`. */
export const STRUCTURE_KINDS = [
  'school',
  'media_library',
  'library',
  'social_centre',
  'town_hall',
  'third_place',
  'association',
  'company',
  'university',
  'other',
] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

export type StructureRegistered = {
  type: 'StructureRegistered';
  data: {
    structureId: string;
    name: string;
    kind: StructureKind;
    /** the current commune (an arrondissement is kept as given, see `communeCode` of cafés) */
    communeCode: string;
    siret: string | null;
    /** the street address, for the national map of mediation places (v2; null when not given) */
    address: string | null;
    /** La Poste's postcode of that address (v2; null when not given): a commune may have several */
    postalCode: string | null;
  };
};
