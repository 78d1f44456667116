import { HttpException } from '@nestjs/common';

/** RFC 9457 problem details, the body of every error. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
  instance?: string;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Outside your scope',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Refused by a domain rule',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Not ready yet',
};

export const PROBLEM_BASE = 'https://cafeia-impact.example/problems/';

/** An error that renders as a given problem body. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail: string,
    extra: { code?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(problem(status, detail, extra), status);
    this.headers = extra.headers ?? {};
  }
  readonly headers: Record<string, string>;
}

export function problem(status: number, detail: string, extra: { code?: string; errors?: FieldError[] } = {}): ProblemBody {
  const code = extra.code ?? defaultCode(status);
  const body: ProblemBody = {
    type: PROBLEM_BASE + code,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
  };
  if (extra.errors && extra.errors.length > 0) body.errors = extra.errors;
  return body;
}

function defaultCode(status: number): string {
  switch (status) {
    case 400: return 'invalid_request';
    case 401: return 'unauthenticated';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 413: return 'body_too_large';
    case 415: return 'unsupported_media_type';
    case 422: return 'rule_violation';
    case 503: return 'not_ready';
    default: return 'error';
  }
}

export const badRequest = (detail: string, errors: FieldError[] = [], code = 'invalid_request') =>
  new ProblemException(400, detail, { code, errors });
export const invalidField = (field: string, message: string) => badRequest(`${field}: ${message}`, [{ field, message }]);
export const forbidden = (detail: string) => new ProblemException(403, detail);
export const notFoundProblem = (detail: string, code = 'not_found') => new ProblemException(404, detail, { code });
