import { Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { ApiParamOptions } from '@nestjs/swagger';
import { badRequest } from './problem';

/** A path id must be a UUID: 400 naming the parameter otherwise. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => badRequest(`${name} must be a UUID`, [{ field: name, message: `${name} must be a UUID` }]),
  });

/**
 * A path parameter that both reads the value (with its pipes) and declares it in the OpenAPI document, so the
 * document cannot forget a format the pipe enforces. A parameter decorator may not add method metadata itself:
 * it hands `ApiParam` the method it decorates.
 */
const documentedParam =
  (name: string, documentation: Record<string, unknown>, ...pipes: PipeTransform[]): ParameterDecorator =>
  (target, key, index) => {
    Param(name, ...pipes)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) ApiParam({ name, required: true, ...documentation } as ApiParamOptions)(target, key, descriptor);
  };

/** `:name` is a UUID (`format: uuid` in the document, 400 otherwise) */
export const UuidParam = (name: string, description?: string) =>
  documentedParam(name, { type: String, format: 'uuid', description }, uuidParam(name));

/** `:name` is one of `values` (an `enum` in the document); the handler answers 404 for anything else */
export const EnumParam = (name: string, values: readonly string[], description?: string) =>
  documentedParam(name, { enum: [...values], description });

/** `:name` is any text; the handler looks it up (404 when unknown) */
export const TextParam = (name: string, description?: string, example?: string) =>
  documentedParam(name, { type: String, description, example });
