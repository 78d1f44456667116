import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { DATE_ONLY, DATE_OR_INSTANT, INSTANT_WITH_OFFSET } from './calendar-patterns';

/**
 * Reusable field rules. Each decorator applies the class-validator rule and declares the same rule in the
 * OpenAPI document, from the same constants, so the document says exactly what the server enforces.
 * Optional fields accept `null` as "not given" (class-validator's IsOptional does), so the document says `nullable`.
 */

export { DATE_ONLY, DATE_OR_INSTANT, INSTANT_WITH_OFFSET };
export const COMMUNE_CODE = /^([0-9]{5}|2[AB][0-9]{3})$/;
/** at least one character that is not white space (JavaScript's `\s`, spelled out so every regex dialect agrees) */
export const NOT_BLANK = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/**
 * The OpenAPI `format` of a commune code: the pattern gives the shape, the format says the code must also be a
 * current commune or a municipal arrondissement of the official geographic code (35,000 codes: too many to list).
 */
export const COMMUNE_CODE_FORMAT = 'insee-commune';

const UUID_MESSAGE = { message: '$property must be a UUID' };

/** `ApiProperty` or `ApiPropertyOptional` (nullable: IsOptional lets null through) */
const documented = (required: boolean, options: ApiPropertyOptions) =>
  required ? ApiProperty(options) : ApiPropertyOptional({ ...options, nullable: true } as ApiPropertyOptions);
const optionalRule = (required: boolean) => (required ? [] : [IsOptional()]);

/**
 * Length in Unicode code points, as JSON Schema's minLength/maxLength count it (class-validator's
 * MinLength/MaxLength count differently around surrogate pairs and variation selectors).
 */
export const CodePointLength = (min: number, max: number) =>
  ValidateBy({
    name: 'codePointLength',
    validator: {
      validate: (value) => typeof value === 'string' && [...value].length >= min && [...value].length <= max,
      defaultMessage: (args) => {
        const short = typeof args?.value === 'string' && [...args.value].length < min;
        if (!short) return `${args?.property} must be at most ${max} characters`;
        return min === 1 ? `${args?.property} must not be empty` : `${args?.property} must be at least ${min} characters`;
      },
    },
  });

export const OptionalId = (description = 'optional client-chosen UUID; resending the same body with the same id creates nothing new') =>
  Uuid(description, { required: false });

export const RequiredId = (description: string) => Uuid(description);

export const Uuid = (description: string, { required = true } = {}) =>
  applyDecorators(documented(required, { type: String, format: 'uuid', description }), ...optionalRule(required), IsUUID('all', UUID_MESSAGE));

/** an array of UUIDs (ids of other resources) */
export const UuidList = (description: string, { min = 0, max, required = true, what }: { min?: number; max: number; required?: boolean; what: string }) =>
  applyDecorators(
    documented(required, { type: String, isArray: true, format: 'uuid', description, minItems: min || undefined, maxItems: max }),
    ...optionalRule(required),
    IsArray({ message: `$property must be an array of ${what} ids` }),
    ...(min > 0 ? [ArrayMinSize(min, { message: `$property must list at least ${min === 1 ? `one ${what}` : `${min} ${what}s`}` })] : []),
    ArrayMaxSize(max, { message: `$property may list at most ${max} ${what}s` }),
    IsUUID('all', { each: true, message: 'each of $property must be a UUID' }),
  );

/** a required text: not empty, not blank, at most `max` characters */
export const Text = (max: number, description: string, example?: string) =>
  applyDecorators(
    ApiProperty({ type: String, description, minLength: 1, maxLength: max, pattern: NOT_BLANK.source, example }),
    IsString({ message: '$property must be a string' }),
    CodePointLength(1, max),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
  );

/** an optional text of at most `max` characters (empty allowed) */
export const OptionalText = (max: number, description: string, example?: string, format?: string) =>
  applyDecorators(
    documented(false, { type: String, description, maxLength: max, example, format }),
    IsOptional(),
    IsString({ message: '$property must be a string' }),
    CodePointLength(0, max),
  );

/**
 * An email or a phone, as the participant directory reads them (normalised there, 400 naming the field when invalid):
 * `format: email` / `format: phone` (E.164 or French national form) say so in the document. Blank counts as absent.
 */
export const Contact = (kind: 'email' | 'phone', description: string, example?: string) =>
  OptionalText(kind === 'email' ? 254 : 32, description, example, kind);

/** a string matching `pattern` (anchored), described by `shape` in messages */
export const Pattern = (pattern: RegExp, shape: string, description: string, { required = true, example, format }: { required?: boolean; example?: string; format?: string } = {}) =>
  applyDecorators(
    documented(required, { type: String, description, pattern: pattern.source, example, format }),
    ...optionalRule(required),
    IsString({ message: `$property must be ${shape}` }),
    Matches(pattern, { message: `$property must be ${shape}` }),
  );

export const Instant = (description: string) => instant(description, true, '2026-12-05T18:30:00+01:00');
export const OptionalInstant = (description: string) => instant(description, false, '2026-12-05T20:00:00+01:00');

function instant(description: string, required: boolean, example: string) {
  const shape = `an ISO 8601 instant with an offset, e.g. ${example}`;
  return applyDecorators(
    documented(required, { type: String, description, pattern: INSTANT_WITH_OFFSET.source, example }),
    ...(required ? [] : [ValidateIf((_, v) => v !== undefined && v !== null)]),
    IsString({ message: '$property must be an ISO 8601 instant with an offset' }),
    Matches(INSTANT_WITH_OFFSET, { message: `$property must be ${shape}` }),
    IsISO8601({ strict: true }, { message: '$property is not a valid date and time' }),
  );
}

/** `format`: `date` by default; `past-date` for a day that must not be in the future (400 otherwise, checked by the handler) */
export const CalendarDate = (description: string, { required = true, example = '2026-01-01', format = 'date' }: { required?: boolean; example?: string; format?: 'date' | 'past-date' } = {}) =>
  applyDecorators(
    documented(required, { type: String, description, format, pattern: DATE_ONLY.source, example }),
    ...optionalRule(required),
    IsString({ message: '$property must be a date YYYY-MM-DD' }),
    Matches(DATE_ONLY, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property is not a valid calendar date' }),
  );

/** a filter bound: a date (the whole day) or an instant with an offset */
export const DateOrInstant = (description: string) =>
  applyDecorators(
    documented(false, { type: String, description, pattern: DATE_OR_INSTANT.source, example: '2026-06-01' }),
    IsOptional(),
    IsString({ message: '$property must be a date YYYY-MM-DD or an ISO 8601 instant with an offset' }),
    Matches(DATE_OR_INSTANT, { message: '$property must be a date YYYY-MM-DD or an ISO 8601 instant with an offset' }),
    IsISO8601({ strict: true }, { message: '$property is not a valid date' }),
  );

/** the validator checks the shape, the handler that the code exists (400 both) */
const communeCode = (required: boolean, description: string, example: string) =>
  applyDecorators(
    documented(required, { type: String, description, example, pattern: COMMUNE_CODE.source, format: COMMUNE_CODE_FORMAT }),
    ...optionalRule(required),
    IsString({ message: '$property must be an INSEE commune code' }),
    Matches(COMMUNE_CODE, { message: '$property must be an INSEE commune code (5 characters, e.g. 69123 or 2A004)' }),
  );

export const CommuneCode = (description = 'INSEE code of a current commune or a municipal arrondissement (400 otherwise)') => communeCode(true, description, '69123');
export const OptionalCommuneCode = (description = 'INSEE code of a current commune or a municipal arrondissement (400 otherwise)') =>
  communeCode(false, description, '75111');

export const OneOf = <T extends string>(values: readonly T[], description?: string, { required = true, default: fallback }: { required?: boolean; default?: T } = {}) =>
  applyDecorators(
    documented(required, { type: String, enum: [...values], description, default: fallback }),
    ...optionalRule(required),
    IsIn(values as readonly string[] as string[], { message: `$property must be one of ${values.join(', ')}` }),
  );

/** a whole number in [min, max] */
export const WholeNumber = (
  { min, max, description, required = true, default: fallback }: { min: number; max?: number; description?: string; required?: boolean; default?: number },
) =>
  applyDecorators(
    documented(required, { type: 'integer', minimum: min, maximum: max, description, default: fallback }),
    ...optionalRule(required),
    IsInt({ message: '$property must be a whole number' }),
    Min(min, { message: `$property must be ${min === 0 ? '0 or more' : `at least ${min}`}` }),
    ...(max === undefined ? [] : [Max(max, { message: `$property must be at most ${max}` })]),
  );

/** an amount in euros: at least 0, at most `max`, at most two decimals */
export const Euros = ({ max, description, required = true }: { max: number; description?: string; required?: boolean }) =>
  applyDecorators(
    documented(required, { type: 'number', minimum: 0, maximum: max, multipleOf: 0.01, description }),
    ...optionalRule(required),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: '$property must be an amount in euros (at most 2 decimals)' }),
    Min(0, { message: '$property must be 0 or more' }),
    Max(max, { message: '$property is too large' }),
  );

export const Flag = (description?: string, { required = false }: { required?: boolean } = {}) =>
  applyDecorators(documented(required, { type: Boolean, description }), ...optionalRule(required), IsBoolean({ message: '$property must be true or false' }));

/** Parses a validated instant to a normalised ISO string in UTC. */
export const toIsoInstant = (value: string) => new Date(value).toISOString();
