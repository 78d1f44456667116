import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest, FieldError } from './problem';

/** class-validator errors flattened to `{field, message}` with dotted paths (`participant.email`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    // items of an array are named as in JSON paths: attendees[0].email
    const field = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** DTO validation for the whole API: unknown fields refused, every bad field named in the problem. */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      stopAtFirstError: false,
      exceptionFactory: (errors) => {
        const fieldErrors = flattenValidationErrors(errors);
        const fields = [...new Set(fieldErrors.map((e) => e.field))];
        return badRequest(`Invalid input: ${fields.join(', ')}`, fieldErrors);
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw badRequest('The body must be a JSON object.', [{ field: '(body)', message: 'must be a JSON object' }]);
      }
    }
    return super.transform(value, metadata);
  }
}
