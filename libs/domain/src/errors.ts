/**
 * Typed refusals of the domain. The HTTP edge maps them with one exception filter:
 *   rule → 422, conflict → 409, not_found → 404.
 */
export type DomainErrorKind = 'rule' | 'conflict' | 'not_found';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** stable machine-readable code, e.g. `cafe_cancelled` */
    readonly code: string,
    message: string,
    /** the input field the refusal is about, when there is one */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const ruleViolation = (code: string, message: string, field?: string) => new DomainError('rule', code, message, field);
export const conflict = (code: string, message: string, field?: string) => new DomainError('conflict', code, message, field);
export const notFound = (code: string, message: string, field?: string) => new DomainError('not_found', code, message, field);

/**
 * A command names another aggregate that does not exist (a café's structure, an attendee's participant id): the
 * command is refused (422) naming the field, before anything is appended.
 */
export const unknownReference = (what: string, field: string, id: string) =>
  new DomainError('rule', `unknown_${what}`, `No ${what} is registered with the id ${id}.`, field);
