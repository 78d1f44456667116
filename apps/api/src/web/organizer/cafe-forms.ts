import type { Territories } from '@cafeia/territories';
import { readCommune, type CommuneCandidate } from './commune-input';
import { fieldKind } from './french-messages';
import { formList, formNumber, formText, type FormBody } from './form-input';
import { parisInstant } from './paris-time';
import { readWalkIns, type WalkIn } from './walk-ins';

/** errors of a form, in French, by the name of its field in the page */
export type FormErrors = Record<string, string>;

/**
 * A form read into the body of the API's command (`plain`, still to be validated with the API's DTO), with the
 * errors only the page can see (a day that is not one, a commune to choose) and where each of the API's fields is
 * shown in the page.
 */
export interface FormReading {
  plain: Record<string, unknown>;
  errors: FormErrors;
  /** the page's field that shows an error of the API's field */
  fieldOf(apiField: string): string | null;
}

const SKIPPED = 'Cette heure n’existe pas ce jour-là (passage à l’heure d’été) : choisissez-en une autre.';

/** day + start time (+ end time) in Paris into the API's `startsAt` / `endsAt` */
function readTimes(body: FormBody, errors: FormErrors): { startsAt?: string; endsAt?: string } {
  const date = formText(body, 'date').trim();
  const time = formText(body, 'time').trim();
  const endTime = formText(body, 'endTime').trim();
  if (date === '' || time === '') {
    errors.date = 'Indiquez le jour et l’heure de début.';
    return {};
  }
  const start = parisInstant(date, time);
  if (!start.ok) {
    errors.date = start.reason === 'skipped' ? SKIPPED : 'Indiquez un jour (JJ/MM/AAAA) et une heure (HH:MM) valides.';
    return {};
  }
  if (endTime === '') return { startsAt: start.instant };
  const end = parisInstant(date, endTime);
  if (!end.ok) {
    errors.endTime = end.reason === 'skipped' ? SKIPPED : 'Indiquez une heure de fin valide (HH:MM).';
    return { startsAt: start.instant };
  }
  return { startsAt: start.instant, endsAt: end.instant };
}

const TIME_FIELDS: Record<string, string> = { startsAt: 'date', endsAt: 'endTime' };

/** Schedule a café: the fields of `ScheduleCafeDto`; the commune typed as a code, a postcode or a name. */
export function readScheduleForm(body: FormBody, territories: Territories): FormReading & { communeCandidates: CommuneCandidate[] } {
  const errors: FormErrors = {};
  const plain: Record<string, unknown> = {};
  const id = formText(body, 'id').trim();
  if (id) plain.id = id;
  const structureId = formText(body, 'structureId').trim();
  if (structureId) plain.structureId = structureId;
  plain.title = formText(body, 'title');
  plain.format = formText(body, 'format');
  Object.assign(plain, readTimes(body, errors));
  let communeCandidates: CommuneCandidate[] = [];
  const chosen = formText(body, 'communeChoice').trim();
  if (chosen) plain.communeCode = chosen;
  else {
    const commune = readCommune(territories, formText(body, 'commune'));
    if (commune.kind === 'found') plain.communeCode = commune.code;
    else if (commune.kind === 'unknown') errors.commune = commune.message;
    else if (commune.kind === 'ambiguous') {
      errors.commune = commune.message;
      communeCandidates = commune.candidates;
    }
  }
  const capacity = formNumber(formText(body, 'capacity'));
  if (capacity !== undefined) plain.capacity = capacity;
  const audience = formText(body, 'audience').trim();
  if (audience) plain.audience = audience;
  plain.online = formText(body, 'online') === 'oui';
  const animatorIds = formList(body, 'animatorIds');
  if (animatorIds.length > 0) plain.animatorIds = animatorIds;
  const fieldOf = (apiField: string) => {
    const kind = fieldKind(apiField);
    if (kind === 'communeCode') return 'commune';
    if (kind === 'id') return null;
    return TIME_FIELDS[kind] ?? kind.split('.')[0];
  };
  return { plain, errors, fieldOf, communeCandidates };
}

/** Move a café: `RescheduleCafeDto` from a day and times in Paris. */
export function readRescheduleForm(body: FormBody): FormReading {
  const errors: FormErrors = {};
  const plain: Record<string, unknown> = { ...readTimes(body, errors) };
  return { plain, errors, fieldOf: (apiField) => TIME_FIELDS[fieldKind(apiField)] ?? null };
}

/** Cancel a café: `CancelCafeDto`. */
export function readCancelForm(body: FormBody): FormReading {
  return { plain: { reason: formText(body, 'reason') }, errors: {}, fieldOf: (apiField) => (fieldKind(apiField) === 'reason' ? 'reason' : null) };
}

/** Enrol someone: `EnrolDto`, the blank contact fields left out. */
export function readEnrolForm(body: FormBody): FormReading {
  const participant: Record<string, string> = {};
  for (const field of ['email', 'phone', 'name']) {
    const value = formText(body, field).trim();
    if (value) participant[field] = value;
  }
  const fieldOf = (apiField: string) => {
    const [, field] = fieldKind(apiField).split('.');
    return field === 'phone' || field === 'name' ? field : 'email';
  };
  return { plain: { participant }, errors: {}, fieldOf };
}

/**
 * The attendance sheet: the enrolled ticked as present (by participant id), the walk-ins (one per line), the
 * anonymous headcount: `RecordAttendanceDto`. A wrong walk-in line is an error here, before anything is sent.
 */
export function readAttendanceForm(body: FormBody): FormReading & { walkIns: WalkIn[]; presentCount: number } {
  const errors: FormErrors = {};
  const present = [...new Set(formList(body, 'present'))];
  const { walkIns, errors: lines } = readWalkIns(formText(body, 'walkIns'));
  if (lines.length > 0) errors.walkIns = lines.join(' ');
  const attendees = [
    ...present.map((participantId) => ({ participantId })),
    ...walkIns.map(({ email, phone, name }) => ({ ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(name ? { name } : {}) })),
  ];
  const plain: Record<string, unknown> = {};
  if (attendees.length > 0) plain.attendees = attendees;
  const headcount = formNumber(formText(body, 'anonymousCount'));
  if (headcount !== undefined) plain.anonymousCount = headcount;
  const fieldOf = (apiField: string) => {
    const item = /^attendees\[(\d+)\]/.exec(apiField);
    if (item) return Number(item[1]) < present.length ? 'present' : 'walkIns';
    if (fieldKind(apiField) === 'anonymousCount') return 'anonymousCount';
    return 'present';
  };
  return { plain, errors, fieldOf, walkIns, presentCount: present.length };
}

/**
 * The French message of an API field's error where the page shows it: a walk-in's error names its line of the
 * text area (« Ligne 3 : adresse électronique invalide »).
 */
export function walkInMessage(apiField: string, message: string, presentCount: number, walkIns: readonly WalkIn[]): string {
  const item = /^attendees\[(\d+)\]/.exec(apiField);
  if (!item) return message;
  const walkIn = walkIns[Number(item[1]) - presentCount];
  return walkIn ? `Ligne ${walkIn.line} : ${message}.` : message;
}
