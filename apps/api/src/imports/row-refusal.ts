import type { ImportKind, RowError } from '@cafeia/imports';
import type { Principal } from '../auth/principal';
import type { FieldError } from '../http/problem';
import type { ImportOperation } from './import-operations';

/**
 * A command the API refused for one row (a 4xx), told in the file's terms: the column (not the API's field) and a
 * French sentence. The API's own detail is English and may name ids; it is kept only where no French sentence fits.
 * No message repeats a value of the row: attendance rows hold personal data.
 */
export interface Refusal {
  status: number;
  code: string;
  detail: string;
  errors?: readonly FieldError[];
}

/** API fields → the columns of a file, per operation (La Coop's export has its own column names) */
const COLUMNS: Record<ImportOperation, Record<string, string>> = {
  registerStructure: { id: 'ref', name: 'name', kind: 'kind', communeCode: 'commune_code', siret: 'siret' },
  registerAnimator: { id: 'ref', displayName: 'display_name', communeCode: 'commune_code', structureId: 'structure_ref', listed: 'listed' },
  recordTrainingStep: { status: 'training_status', capable: 'capable' },
  scheduleCafe: {
    id: 'ref',
    structureId: 'structure_ref',
    title: 'title',
    format: 'format',
    startsAt: 'starts_at',
    endsAt: 'ends_at',
    communeCode: 'commune_code',
    capacity: 'capacity',
    audience: 'audience',
    online: 'online',
  },
  enrolParticipant: { participant: 'email', 'participant.email': 'email', 'participant.phone': 'phone', 'participant.name': 'name' },
  recordAttendance: { attendees: 'email', anonymousCount: 'anonymous_count' },
};
const COOP_COLUMNS: Record<string, string> = { ref: 'date', startsAt: 'date', endsAt: 'duration', title: 'workshop_name', communeCode: 'place', online: 'channel', anonymous_count: 'participants' };

/** the column a refusal without a field is about: what decides the scope of that operation */
const SCOPE_COLUMN: Record<ImportOperation, string> = {
  registerStructure: 'commune_code',
  registerAnimator: 'commune_code',
  recordTrainingStep: 'training_status',
  scheduleCafe: 'structure_ref',
  enrolParticipant: 'cafe_ref',
  recordAttendance: 'cafe_ref',
};

const WHAT: Record<ImportOperation, string> = {
  registerStructure: 'enregistrer une structure dans cette commune',
  registerAnimator: 'enregistrer cet animateur ou cette animatrice',
  recordTrainingStep: 'enregistrer la formation de cette personne',
  scheduleCafe: 'programmer un café pour cette structure',
  enrolParticipant: 'inscrire quelqu’un à ce café',
  recordAttendance: 'enregistrer les présences de ce café',
};

const BY_CODE: Record<string, string> = {
  unknown_structure: 'Aucune structure n’est enregistrée sous cette référence ou cet identifiant : importez d’abord la structure (vous-même, avec la même référence), ou corrigez-la.',
  unknown_cafe: 'Aucun café n’est enregistré sous cette référence ou cet identifiant : importez d’abord le café (vous-même, avec la même référence), ou corrigez-la.',
  cafe_not_found: 'Aucun café n’est enregistré sous cette référence ou cet identifiant : importez d’abord le café (vous-même, avec la même référence), ou corrigez-la.',
  unknown_animator: 'Aucun animateur n’est enregistré sous cette référence.',
  animator_not_found: 'Aucun animateur n’est enregistré sous cette référence.',
  id_reused: 'Cette référence a déjà été importée avec d’autres valeurs : une ligne déjà importée ne peut pas être modifiée par un nouvel import (pour déplacer un café, reprogrammez-le).',
  cafe_cancelled: 'Ce café est annulé : on ne peut plus y inscrire personne ni y enregistrer de présence.',
  cafe_not_started: 'Ce café n’a pas encore commencé : les présences s’enregistrent une fois qu’il a commencé.',
  ends_before_start: 'La fin doit être après le début.',
  invalid_capacity: 'La capacité doit être un nombre entier d’au moins 1.',
  invalid_anonymous_count: 'Le nombre de participants anonymes doit être un nombre entier, zéro ou plus.',
  attendance_empty: 'Donnez un e-mail, un téléphone ou un nombre de participants anonymes.',
  training_already_completed: 'Cette personne a déjà terminé la formation : son statut ne peut plus revenir en arrière.',
  training_not_in_progress: 'La formation ne peut être terminée ou abandonnée que par une personne qui y est inscrite.',
  capable_only_with_completed: '« Se sent capable » ne se renseigne qu’avec une formation terminée.',
  enrolment_id_reused: 'Une inscription de ce café porte déjà cet identifiant.',
  concurrency_conflict: 'La même ressource a été modifiée au même moment par une autre demande : importez le fichier à nouveau pour reprendre cette ligne.',
};

const BY_STATUS: Record<number, string> = {
  400: 'Valeur refusée par l’API',
  404: 'Introuvable',
  409: 'Conflit avec ce qui est déjà enregistré',
  422: 'Refusé par une règle du programme',
};

/** where a file has the id column rather than the ref one (or only a phone), the error names the column it has */
const ALTERNATIVES: Record<string, string> = { structure_ref: 'structure_id', cafe_ref: 'cafe_id', email: 'phone' };

/** the row's place in the file: its line, the kind, the columns the file has */
export interface RowContext {
  line: number;
  kind: ImportKind;
  columns: readonly string[];
}

function columnOf({ kind, columns }: RowContext, operation: ImportOperation, field: string | undefined): string {
  // attendees[3].email → email; participant.phone → phone
  const normalised = field?.replace(/^attendees\[\d+\]\.?/, 'attendees.').replace(/^attendees\.(email|phone|participantId)$/, '$1');
  const column = normalised ? (COLUMNS[operation][normalised] ?? (['email', 'phone'].includes(normalised) ? normalised : undefined)) : undefined;
  let chosen = column ?? SCOPE_COLUMN[operation];
  const alternative = ALTERNATIVES[chosen];
  if (alternative && !columns.includes(chosen) && columns.includes(alternative)) chosen = alternative;
  if (kind !== 'coop_activities') return chosen;
  return COOP_COLUMNS[field ?? ''] ?? COOP_COLUMNS[chosen] ?? (chosen === 'structure_ref' ? 'structure' : chosen);
}

function outsideScope(principal: Principal, operation: ImportOperation): string {
  const scope =
    principal.role === 'coordinator' ? ` (votre territoire : ${principal.territory})` : principal.role === 'organizer' ? ' (les cafés de vos structures)' : '';
  return `Hors de votre périmètre${scope} : vous ne pouvez pas ${WHAT[operation]}.`;
}

/** One row error per field the API named (a 400 may name several), else one for the operation's column. */
export function rowErrorsOf(refusal: Refusal, context: RowContext & { operation: ImportOperation; principal: Principal }): RowError[] {
  const { line, operation, principal } = context;
  if (refusal.status === 403) return [{ line, field: columnOf(context, operation, undefined), message: outsideScope(principal, operation) }];
  const french = BY_CODE[refusal.code];
  if (refusal.errors && refusal.errors.length > 0) {
    return refusal.errors.map((error) => ({
      line,
      field: columnOf(context, operation, error.field),
      message: french ?? `${BY_STATUS[refusal.status] ?? 'Refusé'} : ${error.message}.`,
    }));
  }
  return [{ line, field: columnOf(context, operation, undefined), message: french ?? `${BY_STATUS[refusal.status] ?? 'Refusé'} : ${refusal.detail}` }];
}
