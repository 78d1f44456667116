import { toCsv, type CsvOptions } from '../csv/open-data-csv';
import type { PublicStructure } from '../public-shapes';
import { missingRequired } from './required-fields';

/**
 * LaMednum's « schéma des lieux de médiation numérique » (`standard-mediation-num`) 1.0.1, the
 * national map of mediation places' format: its 32 fields in its order
 * (https://schema.data.gouv.fr/LaMednum/standard-mediation-num/1.0.1/).
 */
export const MEDIATION_PLACE_FIELDS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;

export type MediationPlaceField = (typeof MEDIATION_PLACE_FIELDS)[number];
export type MediationPlaceRow = Record<MediationPlaceField, string>;

export const MEDIATION_PLACE_REQUIRED: readonly MediationPlaceField[] = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'];

/** What the national map's own tools write in `pivot` for a place with neither SIRET nor RNA. */
export const UNKNOWN_PIVOT = '00000000000000';

/** Our kinds of structure in data·inclusion's typology (the schema's `typologie` vocabulary), where one fits. */
const TYPOLOGY: Record<string, string> = {
  library: 'BIB',
  media_library: 'BIB',
  town_hall: 'MUNI',
  social_centre: 'CS',
  third_place: 'TIERS_LIEUX',
  association: 'ASSO',
};

/** The offer, in the schema's own vocabularies: understanding the digital world, in a group, free. */
const SERVICE = 'Compréhension du monde numérique';
const IN_A_GROUP = 'Dans un atelier collectif';
const FREE = 'Gratuit';
const SUMMARY = 'Lieu accueillant des Cafés IA : des rencontres gratuites pour comprendre et discuter l’intelligence artificielle.';

export interface MediationPlaceOptions {
  /** `source`: who collected the data */
  readonly source?: string;
}

/**
 * A structure hosting cafés as a row of the national schema. What we do not hold stays empty:
 * contacts (`telephone`, `courriels`: no contact is kept for a structure), opening hours, and, when
 * unknown, the street address and the postal code, which the schema requires (`missingMediationPlaceFields`
 * names them: the row then fails validation until they are known). With neither SIRET nor RNA, `pivot`
 * is `00000000000000`, as the national map's tools write it.
 */
export function mediationPlace(structure: PublicStructure, options: MediationPlaceOptions = {}): MediationPlaceRow {
  const row = Object.fromEntries(MEDIATION_PLACE_FIELDS.map((field) => [field, ''])) as MediationPlaceRow;
  return {
    ...row,
    id: structure.id,
    pivot: structure.siret ?? structure.rna ?? UNKNOWN_PIVOT,
    nom: structure.name,
    commune: structure.commune.name,
    code_postal: structure.postalCode ?? '',
    code_insee: structure.commune.code,
    adresse: structure.streetAddress ?? '',
    latitude: coordinate(structure.latitude),
    longitude: coordinate(structure.longitude),
    typologie: TYPOLOGY[structure.kind] ?? '',
    site_web: structure.website ?? '',
    presentation_resume: SUMMARY,
    source: options.source ?? 'Café IA',
    date_maj: structure.updatedOn,
    services: SERVICE,
    frais_a_charge: FREE,
    modalites_accompagnement: IN_A_GROUP,
  };
}

export const missingMediationPlaceFields = (row: MediationPlaceRow): MediationPlaceField[] => missingRequired(row, MEDIATION_PLACE_REQUIRED);

/** The places as CSV, with the schema's header row (UTF-8, `,`, CRLF). */
export const mediationPlacesCsv = (rows: readonly MediationPlaceRow[], options: CsvOptions = {}): string =>
  toCsv(MEDIATION_PLACE_FIELDS, rows.map((row) => MEDIATION_PLACE_FIELDS.map((field) => row[field])), options);

const coordinate = (value: number | null | undefined): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
