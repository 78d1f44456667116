import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** Reusable field rules, so every DTO says the same thing about the same kind of field. */

export const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

export const OptionalId = (description = 'optional client-chosen UUID; resending the same body with the same id creates nothing new') =>
  applyDecorators(ApiPropertyOptional({ format: 'uuid', description }), IsOptional(), IsUUID('all', { message: '$property must be a UUID' }));

export const RequiredId = (description: string) =>
  applyDecorators(ApiProperty({ format: 'uuid', description }), IsUUID('all', { message: '$property must be a UUID' }));

export const Text = (max: number, description: string, example?: string) =>
  applyDecorators(
    ApiProperty({ description, maxLength: max, example }),
    IsString({ message: '$property must be a string' }),
    MinLength(1, { message: '$property must not be empty' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
    Matches(/\S/, { message: '$property must not be blank' }),
  );

export const OptionalText = (max: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: max }),
    IsOptional(),
    IsString({ message: '$property must be a string' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  );

export const Instant = (description: string) =>
  applyDecorators(
    ApiProperty({ description, example: '2026-12-05T18:30:00+01:00' }),
    IsString({ message: '$property must be an ISO 8601 instant with an offset' }),
    Matches(INSTANT_WITH_OFFSET, { message: '$property must be an ISO 8601 instant with an offset, e.g. 2026-12-05T18:30:00+01:00' }),
    IsISO8601({ strict: true }, { message: '$property is not a valid date and time' }),
  );

export const OptionalInstant = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example: '2026-12-05T20:00:00+01:00' }),
    ValidateIf((_, v) => v !== undefined && v !== null),
    IsString({ message: '$property must be an ISO 8601 instant with an offset' }),
    Matches(INSTANT_WITH_OFFSET, { message: '$property must be an ISO 8601 instant with an offset, e.g. 2026-12-05T20:00:00+01:00' }),
    IsISO8601({ strict: true }, { message: '$property is not a valid date and time' }),
  );

export const CalendarDate = (description: string) =>
  applyDecorators(
    ApiProperty({ description, example: '2026-01-01', format: 'date' }),
    IsString({ message: '$property must be a date YYYY-MM-DD' }),
    Matches(DATE_ONLY, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property is not a valid calendar date' }),
  );

export const CommuneCode = (description = 'INSEE code of a current commune or a municipal arrondissement') =>
  applyDecorators(
    ApiProperty({ description, example: '69123' }),
    IsString({ message: '$property must be an INSEE commune code' }),
    Matches(COMMUNE_CODE, { message: '$property must be an INSEE commune code (5 characters, e.g. 69123 or 2A004)' }),
  );

export const OptionalCommuneCode = (description = 'INSEE code of a current commune or a municipal arrondissement') =>
  applyDecorators(
    ApiPropertyOptional({ description, example: '75111' }),
    IsOptional(),
    IsString({ message: '$property must be an INSEE commune code' }),
    Matches(COMMUNE_CODE, { message: '$property must be an INSEE commune code (5 characters, e.g. 69123 or 2A004)' }),
  );

/** Parses a validated instant to a normalised ISO string in UTC. */
export const toIsoInstant = (value: string) => new Date(value).toISOString();
