import { DEFAULT_MIN_CELL, PEOPLE_COUNT_FIELDS, PUBLISHED_LEVELS } from './territory-figures';
import { FIGURES_CSV_COLUMNS, MONTHLY_FIGURES_CSV_COLUMNS, SUPPRESSED_SEPARATOR } from './figures-csv';

/** Licence Ouverte / Open Licence 2.0, Etalab's, the State's licence for open data (its SPDX id). */
export const ETALAB_LICENCE = {
  name: 'etalab-2.0',
  title: 'Licence Ouverte / Open Licence version 2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/** Where the two national schemas are published (schema.data.gouv.fr), for the resources that follow them. */
export const MEDIATION_PLACES_SCHEMA_URL =
  'https://schema.data.gouv.fr/schemas/LaMednum/standard-mediation-num/1.0.1/schema.json';
export const SCDL_SUBVENTIONS_SCHEMA_URL = 'https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.1/schema.json';

export interface DataPackageOptions {
  /** `OPEN_DATA_MIN_CELL`, written in the descriptions so that a reader knows what an empty cell means. */
  readonly minCell?: number;
  /** where the files are served, e.g. `https://…/public/v1/`; without it the paths are relative */
  readonly baseUrl?: string;
  /** when the data were computed, ISO 8601 */
  readonly updated?: string;
  /** also describe the mediation places and subventions files, which follow the national schemas */
  readonly withOpenSchemas?: boolean;
}

type Field = { name: string; title: string; type: string; description: string; format?: string; constraints?: Record<string, unknown> };

/**
 * The frictionless data package (`datapackage.json`) describing the published files: a Table Schema
 * per file, with French titles and descriptions, the empty cell as the missing value of a suppressed
 * count, and the Licence Ouverte 2.0.
 */
export function openDataPackage(options: DataPackageOptions = {}) {
  const minCell = options.minCell ?? DEFAULT_MIN_CELL;
  const path = (file: string) => (options.baseUrl ? new URL(file, options.baseUrl).toString() : file);
  const dialect = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };
  const csv = { profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect };
  const missingValues = [''];
  return {
    profile: 'tabular-data-package',
    name: 'cafes-ia-impact',
    title: 'Cafés IA : personnes touchées par territoire',
    description:
      `Les Cafés IA sont des rencontres locales et gratuites autour de l'intelligence artificielle. Ces fichiers ` +
      `donnent, par territoire (et par mois pour le fichier mensuel), le nombre de personnes touchées, de ` +
      `participations, de participants anonymes, de cafés tenus et de structures actives. Secret statistique : ` +
      `un nombre de personnes inférieur à ${minCell} n'est pas publié (cellule vide, nommée dans la colonne ` +
      `suppressed), et d'autres cellules sont masquées avec lui pour qu'aucune ne puisse être retrouvée par ` +
      `soustraction.`,
    licenses: [ETALAB_LICENCE],
    language: 'fr',
    ...(options.updated ? { created: options.updated } : {}),
    resources: [
      {
        name: 'figures',
        title: 'Chiffres par territoire, depuis le début',
        path: path('figures.csv'),
        ...csv,
        schema: { fields: figureFields(minCell, false), missingValues, primaryKey: ['code'] },
      },
      {
        name: 'figures-mensuelles',
        title: 'Chiffres par territoire et par mois',
        path: path('figures-mensuelles.csv'),
        ...csv,
        schema: { fields: figureFields(minCell, true), missingValues, primaryKey: ['code', 'month'] },
      },
      ...(options.withOpenSchemas
        ? [
            {
              name: 'lieux-mediation-numerique',
              title: 'Lieux accueillant des Cafés IA (schéma des lieux de médiation numérique 1.0.1)',
              path: path('lieux-mediation-numerique.csv'),
              ...csv,
              schema: MEDIATION_PLACES_SCHEMA_URL,
            },
            {
              name: 'subventions',
              title: 'Financements des Cafés IA (SCDL Subventions 2.1.1)',
              path: path('subventions.csv'),
              ...csv,
              schema: SCDL_SUBVENTIONS_SCHEMA_URL,
            },
          ]
        : []),
    ],
  };
}

function figureFields(minCell: number, monthly: boolean): Field[] {
  const people = (title: string, description: string): Omit<Field, 'name'> => ({
    title,
    type: 'integer',
    description: `${description} Vide quand la valeur est masquée (secret statistique : moins de ${minCell}, ou masquée pour protéger une autre cellule).`,
    constraints: { minimum: minCell },
  });
  const byName: Record<(typeof MONTHLY_FIGURES_CSV_COLUMNS)[number], Omit<Field, 'name'>> = {
    code: {
      title: 'Code du territoire',
      type: 'string',
      description: "national, ou le niveau et le code officiel (code INSEE, SIREN pour un EPCI) : region:84, department:69, epci:200046977, commune:69123.",
      constraints: { required: true, pattern: '^(national|(region|department|epci|commune):[0-9AB]+)$' },
    },
    name: { title: 'Nom du territoire', type: 'string', description: 'Nom officiel (code officiel géographique).', constraints: { required: true } },
    level: {
      title: 'Niveau',
      type: 'string',
      description: 'national, region (région), department (département), epci (intercommunalité) ou commune.',
      constraints: { required: true, enum: [...PUBLISHED_LEVELS] },
    },
    month: {
      title: 'Mois',
      type: 'yearmonth',
      description: 'Mois du début des cafés (heure de Paris), AAAA-MM.',
      constraints: { required: true },
    },
    peopleReached: people(
      'Personnes touchées',
      monthly
        ? 'Personnes venues ce mois-là à un café du territoire pour la première fois (une personne compte une fois par territoire, le mois de son premier café), plus les participants anonymes du mois : les mois d’un territoire s’additionnent en son total.'
        : 'Personnes distinctes venues à au moins un café du territoire, plus les participants anonymes ; une personne compte une fois par territoire.',
    ),
    attendances: people('Participations', 'Présences nominatives (une par personne et par café) plus les participants anonymes.'),
    anonymousAttendees: people('Participants anonymes', 'Somme des effectifs déclarés de personnes venues sans laisser de contact.'),
    cafesHeld: {
      title: 'Cafés tenus',
      type: 'integer',
      description: 'Cafés non annulés avec au moins une présence.',
      constraints: { required: true, minimum: 0 },
    },
    structuresActive: {
      title: 'Structures actives',
      type: 'integer',
      description: 'Structures ayant tenu au moins un café.',
      constraints: { required: true, minimum: 0 },
    },
    suppressed: {
      title: 'Valeurs masquées',
      type: 'string',
      description: `Noms des colonnes masquées sur cette ligne, séparés par « ${SUPPRESSED_SEPARATOR} » ; vide quand rien n'est masqué.`,
      constraints: { pattern: `^(${PEOPLE_COUNT_FIELDS.join('|')})(\\${SUPPRESSED_SEPARATOR}(${PEOPLE_COUNT_FIELDS.join('|')}))*$` },
    },
  };
  const columns = monthly ? MONTHLY_FIGURES_CSV_COLUMNS : FIGURES_CSV_COLUMNS;
  return columns.map((name) => ({ name, ...byName[name] }));
}
