import { DomainError } from '@cafeia/domain';
import { ConcurrencyRetriesExhaustedError, WrongExpectedVersionError } from '@cafeia/event-store';
import { ProblemException, type FieldError, type ProblemBody } from '../../http/problem';

/** what each field of the cafés' commands must look like, in French, by the API's field name (indexes dropped) */
const FIELD_MESSAGES: Record<string, string> = {
  id: 'Ce formulaire n’est plus valable : rechargez la page.',
  structureId: 'Choisissez une structure dans la liste.',
  title: 'Donnez un titre au café (200 caractères au plus).',
  format: 'Indiquez un format (60 caractères au plus).',
  startsAt: 'Choisissez une date et une heure de début valides, entre 2020 et 2100.',
  endsAt: 'L’heure de fin doit être une heure valide, après le début.',
  communeCode: 'Cette commune n’existe pas dans le code officiel géographique.',
  capacity: 'Indiquez un nombre entier de places, de 1 à 100 000.',
  audience: 'Le public ne doit pas dépasser 200 caractères.',
  online: 'Valeur incorrecte.',
  animatorIds: 'Choisissez les animateurs dans la liste.',
  reason: 'Indiquez la raison de l’annulation (500 caractères au plus).',
  participant: 'Indiquez une adresse électronique ou un numéro de téléphone.',
  'participant.email': 'Adresse électronique invalide.',
  'participant.phone': 'Numéro de téléphone invalide (format français ou international).',
  'participant.name': 'Le nom ne doit pas dépasser 200 caractères.',
  attendees: 'Cochez au moins une personne, ajoutez-en une ou indiquez le nombre de personnes sans contact.',
  'attendees.participantId': 'Cette personne n’est pas connue.',
  'attendees.email': 'adresse électronique invalide',
  'attendees.phone': 'numéro de téléphone invalide',
  'attendees.name': 'nom trop long (200 caractères au plus)',
  anonymousCount: 'Indiquez un nombre entier, zéro ou plus (100 000 au plus).',
};

/** the domain's refusals, in French, by code */
const RULE_MESSAGES: Record<string, string> = {
  cafe_cancelled: 'Ce café est annulé : il ne peut plus être modifié.',
  cafe_has_attendance: 'Des présences sont déjà enregistrées : ce café ne peut plus être annulé.',
  cafe_not_started: 'Les présences se saisissent une fois le café commencé.',
  ends_before_start: 'La fin doit être après le début.',
  attendance_empty: 'Cochez au moins une personne, ajoutez-en une ou indiquez le nombre de personnes sans contact.',
  invalid_anonymous_count: 'Indiquez un nombre entier, zéro ou plus.',
  invalid_capacity: 'Indiquez un nombre entier de places, de 1 ou plus.',
  participant_attended: 'Cette personne est déjà venue : son inscription ne peut plus être annulée.',
  enrolment_not_found: 'Cette inscription n’existe pas dans ce café.',
  unknown_structure: 'Cette structure n’est pas enregistrée.',
  unknown_participant: 'Une des personnes cochées n’est pas connue : rechargez la page.',
  id_reused: 'Ce formulaire a déjà servi à programmer un autre café : rechargez la page pour en programmer un nouveau.',
  enrolment_id_reused: 'Deux personnes ont reçu la même inscription : recommencez.',
  cafe_not_found: 'Ce café n’existe pas.',
};

const FORBIDDEN = 'Cette action est hors de votre périmètre : seuls les organisateurs de la structure du café et le Conseil peuvent la faire.';
const CONFLICT = 'Une autre modification a eu lieu en même temps : rechargez la page et recommencez.';

/** `attendees[3].email` → `attendees.email` */
export const fieldKind = (field: string): string => field.replace(/\[\d+\]/g, '');

export const frenchFieldMessage = (field: string): string => FIELD_MESSAGES[fieldKind(field)] ?? 'Valeur incorrecte.';

/** what a page shows when a command of its form is refused */
export interface Refusal {
  status: number;
  /** by the API's field name, in French */
  fields: FieldError[];
  /** a refusal about no field (scope, a rule of the café's state), in French */
  alert?: string;
}

/**
 * A command's refusal for the page that posted it: a 400's fields beside the form's fields, a domain rule about a
 * field beside it, the rest (403, 409, 422) as an alert. Anything else is not a refusal (null: rethrow it).
 */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof DomainError) {
    const status = error.kind === 'rule' ? 422 : error.kind === 'conflict' ? 409 : 404;
    const message = RULE_MESSAGES[error.code] ?? (error.field ? frenchFieldMessage(error.field) : 'Cette action n’est pas possible dans l’état actuel du café.');
    if (error.field && error.code !== 'unknown_participant' && error.code !== 'id_reused') return { status, fields: [{ field: error.field, message }] };
    return { status, fields: [], alert: message };
  }
  if (error instanceof WrongExpectedVersionError || error instanceof ConcurrencyRetriesExhaustedError) return { status: 409, fields: [], alert: CONFLICT };
  if (!(error instanceof ProblemException)) return null;
  const body = error.getResponse() as ProblemBody;
  if (body.status === 400 && body.errors?.length) return { status: 400, fields: body.errors.map((e) => ({ field: e.field, message: frenchFieldMessage(e.field) })) };
  if (body.status === 403) return { status: 403, fields: [], alert: FORBIDDEN };
  if (body.status === 409) return { status: 409, fields: [], alert: CONFLICT };
  if (body.status === 422 || body.status === 404) return { status: body.status, fields: [], alert: RULE_MESSAGES[body.code ?? ''] ?? 'Cette action n’est pas possible dans l’état actuel du café.' };
  return null;
}
