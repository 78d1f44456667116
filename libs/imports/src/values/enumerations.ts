import { STRUCTURE_KINDS, TRAINING_STATUSES, type StructureKind, type TrainingStatus } from '@cafeia/domain';
import { normalizeLabel } from '../kinds/normalize-label';
import { parsed, refused, type Parsed } from './parsed';

/**
 * Enumerations take the API's values, and the French words people write for them. Every accepted
 * spelling is listed here, so what the import understands is explicit (and tested).
 */
export const STRUCTURE_KIND_LABELS: Record<StructureKind, readonly string[]> = {
  school: ['école', 'établissement scolaire', 'collège', 'lycée', 'groupe scolaire'],
  media_library: ['médiathèque'],
  library: ['bibliothèque'],
  social_centre: ['centre social', 'centre socioculturel', 'espace de vie sociale', 'maison de quartier'],
  town_hall: ['mairie', 'hôtel de ville', 'commune'],
  third_place: ['tiers-lieu', 'tiers lieu', 'fablab'],
  association: ['association', 'asso'],
  company: ['entreprise', 'société'],
  university: ['université'],
  other: ['autre'],
};

/** What the templates write for each kind */
export const STRUCTURE_KIND_FRENCH: Record<StructureKind, string> = {
  school: 'école',
  media_library: 'médiathèque',
  library: 'bibliothèque',
  social_centre: 'centre social',
  town_hall: 'mairie',
  third_place: 'tiers-lieu',
  association: 'association',
  company: 'entreprise',
  university: 'université',
  other: 'autre',
};

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, readonly string[]> = {
  enrolled: ['inscrit', 'inscrite', 'inscrit(e)', 'en formation', 'en cours'],
  completed: ['formé', 'formée', 'formé(e)', 'terminé', 'terminée', 'terminé(e)'],
  dropped: ['abandon', 'abandonné', 'abandonnée', 'abandonné(e)'],
};

export const TRAINING_STATUS_FRENCH: Record<TrainingStatus, string> = { enrolled: 'inscrit', completed: 'formé', dropped: 'abandon' };

export const TRUE_WORDS = ['true', 'oui', '1', 'vrai', 'yes', 'o', 'x'] as const;
export const FALSE_WORDS = ['false', 'non', '0', 'faux', 'no', 'n'] as const;

function lookup<T extends string>(values: readonly T[], labels: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const value of values) for (const label of [value, ...labels[value]]) map.set(normalizeLabel(label), value);
  return map;
}

const structureKinds = lookup(STRUCTURE_KINDS, STRUCTURE_KIND_LABELS);
const trainingStatuses = lookup(TRAINING_STATUSES, TRAINING_STATUS_LABELS);
const booleans = new Map<string, boolean>([...TRUE_WORDS.map((w) => [w, true] as const), ...FALSE_WORDS.map((w) => [w, false] as const)]);

export function parseStructureKind(text: string): Parsed<StructureKind> {
  const kind = structureKinds.get(normalizeLabel(text));
  if (kind) return parsed(kind);
  return refused(`« ${text.trim()} » n’est pas un type de structure connu : ${Object.values(STRUCTURE_KIND_FRENCH).join(', ')} (ou ${STRUCTURE_KINDS.join(', ')}).`);
}

export function parseTrainingStatus(text: string): Parsed<TrainingStatus> {
  const status = trainingStatuses.get(normalizeLabel(text));
  if (status) return parsed(status);
  return refused(`« ${text.trim()} » n’est pas un statut de formation : inscrit, formé ou abandon (ou enrolled, completed, dropped).`);
}

export function parseBoolean(text: string): Parsed<boolean> {
  const value = booleans.get(normalizeLabel(text));
  if (value !== undefined) return parsed(value);
  return refused(`« ${text.trim()} » : répondez oui ou non (ou true/false, 1/0).`);
}
