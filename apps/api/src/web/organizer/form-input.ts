import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FieldError } from '../../http/problem';
import { flattenValidationErrors } from '../../http/validation';

/** a posted HTML form, as @fastify/formbody parses it: a field is a string, or an array when repeated */
export type FormBody = Record<string, unknown>;

/** a single text field of a form ('' when absent; the first value if it was repeated) */
export const formText = (body: FormBody | undefined, name: string): string => {
  const value = body?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
};

/** a repeated field (ticked checkboxes), without blanks */
export const formList = (body: FormBody | undefined, name: string): string[] => {
  const value = body?.[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
};

/** a whole number as typed, a number when it is one; anything else kept as text, for the API's rule to refuse */
export const formNumber = (text: string): number | string | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^[0-9]{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
};

/**
 * Validates a form's body with the JSON API's own DTO and rules (the options of `ApiValidationPipe`: unknown fields
 * refused, every error named), so a page accepts exactly what the API accepts.
 */
export async function validateInput<T extends object>(dto: new () => T, plain: object): Promise<{ input: T; errors: FieldError[] }> {
  const input = plainToInstance(dto, plain, { enableImplicitConversion: false });
  const errors = flattenValidationErrors(await validate(input, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false }));
  return { input, errors };
}
