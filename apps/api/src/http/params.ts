import { ParseUUIDPipe } from '@nestjs/common';
import { badRequest } from './problem';

/** A path id must be a UUID: 400 naming the parameter otherwise. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => badRequest(`${name} must be a UUID`, [{ field: name, message: `${name} must be a UUID` }]),
  });
