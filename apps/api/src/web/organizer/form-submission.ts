import type { FieldError } from '../../http/problem';
import type { FormErrors, FormReading } from './cafe-forms';
import { frenchFieldMessage, refusalOf } from './french-messages';
import { validateInput } from './form-input';

export type Submission<R> =
  | { ok: true; result: R }
  /** nothing was dispatched, or the command was refused: nothing was written */
  | { ok: false; status: number; errors: FormErrors; alert?: string };

/** how an error of an API field reads beside the page's field (by default: the field's French rule) */
export type Wording = (error: FieldError) => string;

function place(reading: FormReading, fields: readonly FieldError[], wording: Wording, errors: FormErrors): string | undefined {
  let alert: string | undefined;
  for (const error of fields) {
    const field = reading.fieldOf(error.field);
    const message = wording(error);
    if (field === null) alert = alert ? `${alert} ${message}` : message;
    // the first error of a field is the one shown (a walk-ins field gathers its lines)
    else if (!errors[field]) errors[field] = message;
    else if (field === 'walkIns' && !errors[field].includes(message)) errors[field] += ` ${message}`;
  }
  return alert;
}

/**
 * A form's command, exactly as the JSON API would run it: the page's own errors and the API's DTO rules first
 * (then nothing is dispatched), then the same command, whose refusal (400, 403, 409, 422) is shown beside the
 * fields or as an alert. A command appends all its events or none, so a refused form has written nothing.
 */
export async function submitForm<T extends object, R>(
  dto: new () => T,
  reading: FormReading,
  run: (input: T) => Promise<R>,
  wording: Wording = (e) => frenchFieldMessage(e.field),
): Promise<Submission<R>> {
  const errors: FormErrors = { ...reading.errors };
  const { input, errors: invalid } = await validateInput(dto, reading.plain);
  // a field the page already refused (a day that is not one) is not refused twice
  const alert = place(reading, invalid.filter((e) => !errors[reading.fieldOf(e.field) ?? '']), wording, errors);
  if (Object.keys(errors).length > 0 || alert) return { ok: false, status: 400, errors, alert };
  return dispatch(reading, () => run(input), wording);
}

const NO_FIELDS: FormReading = { plain: {}, errors: {}, fieldOf: () => null };

/** runs a form's command; a refusal becomes the page's errors (beside `reading`'s fields) or an alert */
export async function dispatch<R>(reading: FormReading = NO_FIELDS, run: () => Promise<R>, wording: Wording = (e) => frenchFieldMessage(e.field)): Promise<Submission<R>> {
  try {
    return { ok: true, result: await run() };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    const errors: FormErrors = {};
    const fieldAlert = place(reading, refusal.fields, (e) => (refusal.status === 400 ? wording(e) : e.message), errors);
    return { ok: false, status: refusal.status, errors, alert: [refusal.alert, fieldAlert].filter(Boolean).join(' ') || undefined };
  }
}
