import type { Territories } from '@cafeia/territories';
import { invalidField } from '../http/problem';

/** A commune code must be a current commune or a municipal arrondissement; anything else is a 400 naming the field. */
export function assertKnownCommune(territories: Territories, code: string, field = 'communeCode'): void {
  if (!territories.resolveCommune(code)) {
    throw invalidField(field, `${code} is not a current commune nor a municipal arrondissement of the official geographic code`);
  }
}
