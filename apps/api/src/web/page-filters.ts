import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../http/validation';
import { ProblemException } from '../http/problem';

/** French words for what a directory filter must look like, by field */
const FILTER_MESSAGES: Record<string, string> = {
  territory: 'Écrivez un territoire du code officiel : region:53, department:35, epci:200046977 ou commune:35238.',
  by: 'Choisissez une répartition dans la liste.',
  from: 'Écrivez une date au format AAAA-MM-JJ, entre 2020 et 2100.',
  to: 'Écrivez une date au format AAAA-MM-JJ, entre 2020 et 2100, après la date de début.',
  status: 'Choisissez un état dans la liste.',
  format: 'Le format ne doit pas dépasser 60 caractères.',
  training: 'Choisissez un état de formation dans la liste.',
  sort: 'Choisissez un ordre dans la liste.',
  page: 'Numéro de page incorrect.',
};

/** the query string of a page, kept as text for the form, with nothing but single strings */
export const textQuery = (query: Record<string, unknown>, fields: readonly string[]): Record<string, string | undefined> =>
  Object.fromEntries(fields.map((f) => [f, typeof query[f] === 'string' && query[f] !== '' ? (query[f] as string) : undefined]));

/**
 * Reads a page's filters with the API's own query DTO (the same rules), into the typed query or, for each wrong
 * field, a French message to show beside it.
 */
export function pageFilters<T extends object>(dto: new () => T, text: Record<string, string | undefined>): { query: T; errors: Record<string, string> } {
  const numeric = Object.fromEntries(Object.entries(text).filter(([, v]) => v !== undefined).map(([k, v]) => [k, k === 'page' || k === 'pageSize' ? Number(v) : v]));
  const query = plainToInstance(dto, numeric);
  const errors: Record<string, string> = {};
  for (const { field } of flattenValidationErrors(validateSync(query as object, { whitelist: true }))) errors[field] = FILTER_MESSAGES[field] ?? 'Valeur incorrecte.';
  for (const field of Object.keys(errors)) delete (query as Record<string, unknown>)[field];
  return { query, errors };
}

/** a refusal of the read service (a filter outside the caller's scope, a bad range) as errors beside the fields */
export function filterErrors(error: unknown): Record<string, string> | null {
  if (!(error instanceof ProblemException)) return null;
  const body = error.getResponse() as { status: number; errors?: { field: string }[] };
  if (body.status === 403) return { territory: 'Ce territoire est hors de votre périmètre.' };
  if (body.status === 400) return Object.fromEntries((body.errors ?? [{ field: 'territory' }]).map((e) => [e.field, FILTER_MESSAGES[e.field] ?? 'Valeur incorrecte.']));
  return null;
}
