import { HttpException, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { getMetadataStorage } from 'class-validator';
import { animatorDecider, DomainError, streams } from '@cafeia/domain';
import { comparePositions, ConcurrencyRetriesExhaustedError, WrongExpectedVersionError } from '@cafeia/event-store';
import { trainingStepsToReach, type ApiRequest, type ImportKind, type RowError } from '@cafeia/imports';
import { ProblemBody, ProblemException } from '../http/problem';
import { ApiValidationPipe } from '../http/validation';
import type { RequestContext } from '../infrastructure/request-context';
import { WriteSide } from '../infrastructure/write-side';
import { ImportOperation, mayCall, OPERATIONS } from './import-operations';
import { Refusal, RowContext, rowErrorsOf } from './row-refusal';

export type SendOutcome = { ok: true; position: string | null } | { ok: false; errors: RowError[] };

const DOMAIN_STATUS = { rule: 422, conflict: 409, not_found: 404 } as const;

/** what a thrown error says when it is a refusal of the request (a 4xx); null for anything else (a 5xx) */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof ProblemException) {
    const body = error.getResponse() as ProblemBody;
    return body.status < 500 ? { status: body.status, code: body.code ?? '', detail: body.detail, errors: body.errors } : null;
  }
  if (error instanceof DomainError) {
    return { status: DOMAIN_STATUS[error.kind], code: error.code, detail: error.message, errors: error.field ? [{ field: error.field, message: error.message }] : undefined };
  }
  if (error instanceof WrongExpectedVersionError || error instanceof ConcurrencyRetriesExhaustedError) {
    return { status: 409, code: 'concurrency_conflict', detail: 'The resource was changed by another request at the same time.' };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    return { status: error.getStatus(), code: '', detail: error.message };
  }
  return null;
}

/** the body fields a DTO declares (to leave out what this API does not take yet, e.g. `listed` before year two) */
const declaredFields = new Map<Function, Set<string>>();
function fieldsOf(dto: Function): Set<string> {
  let fields = declaredFields.get(dto);
  if (!fields) {
    fields = new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName));
    declaredFields.set(dto, fields);
  }
  return fields;
}

type Attempt = { ok: true; position: string | null; dto?: object } | { ok: false; refusal: Refusal };

/** one attendance row naming a person, as the import groups them per café */
export interface ContactRow {
  line: number;
  attendee: { email?: string; phone?: string; name?: string };
}

/** the API takes at most this many attendees in one attendance request */
export const ATTENDEES_PER_REQUEST = 1_000;

/**
 * Sends a row's requests as the API would serve them, without HTTP: the route's roles, the DTO validated by the
 * API's own pipe (so a bad value is refused with the same rules), then the very command the controller dispatches
 * on the CommandBus, with the importer's RequestContext. A refusal (4xx) becomes the row's errors; anything else
 * is thrown (the job stops).
 */
@Injectable()
export class ImportRequests {
  private readonly pipe = new ApiValidationPipe();

  constructor(
    private readonly commands: CommandBus,
    private readonly writes: WriteSide,
  ) {}

  /** every request of one row, in order; the first refusal ends the row */
  async sendRow(requests: readonly ApiRequest[], ctx: RequestContext, row: RowContext): Promise<SendOutcome> {
    let position: string | null = null;
    for (const request of requests) {
      const outcome =
        request.operation === 'reachTrainingStatus'
          ? await this.reachTrainingStatus(request, ctx, row)
          : rowOutcome(await this.attempt(request.operation, request.body, resourceOf(request), ctx), request.operation, ctx, row);
      if (!outcome.ok) return outcome;
      position = laterPosition(position, outcome.position);
    }
    return { ok: true, position };
  }

  /**
   * Consecutive rows naming people who attended one café, as one attendance request (the people recognised and
   * registered side by side, with their names, once the café accepted it). A refusal that is about the café is every
   * row's; one about a person sends the rows one by one, so that only that row is rejected.
   */
  async sendAttendance(cafeId: string, rows: readonly ContactRow[], ctx: RequestContext, file: Omit<RowContext, 'line'>): Promise<SendOutcome[]> {
    const body = { attendees: rows.map((row) => row.attendee) };
    const attempt = await this.attempt('recordAttendance', body, cafeId, ctx);
    if (attempt.ok) return rows.map(() => ({ ok: true, position: attempt.position }));
    const aboutOnePerson = rows.length > 1 && (attempt.refusal.errors ?? []).some((error) => /^attendees\[\d+\]/.test(error.field));
    if (!aboutOnePerson) return rows.map((row) => rowOutcome(attempt, 'recordAttendance', ctx, { ...file, line: row.line }));
    const outcomes: SendOutcome[] = [];
    for (const row of rows) outcomes.push(...(await this.sendAttendance(cafeId, [row], ctx, file)));
    return outcomes;
  }

  /** the body validated as the API validates it, or the row's errors (used by the dry run too: it writes nothing) */
  async validate(operation: ImportOperation, body: object, ctx: RequestContext, row: RowContext): Promise<{ ok: true; dto: object } | { ok: false; errors: RowError[] }> {
    const checked = await this.check(operation, body, ctx);
    return checked.ok ? { ok: true, dto: checked.dto! } : { ok: false, errors: rowErrorsOf(checked.refusal, { ...row, operation, principal: ctx.principal }) };
  }

  private async check(operation: ImportOperation, body: object, ctx: RequestContext): Promise<Attempt> {
    if (!mayCall(ctx.principal.role, operation)) return { ok: false, refusal: { status: 403, code: 'forbidden', detail: '' } };
    const spec = OPERATIONS[operation];
    const declared = fieldsOf(spec.dto);
    const sent = Object.fromEntries(Object.entries(body).filter(([field]) => declared.has(field)));
    try {
      return { ok: true, position: null, dto: (await this.pipe.transform(sent, { type: 'body', metatype: spec.dto, data: undefined })) as object };
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return { ok: false, refusal };
    }
  }

  private async attempt(operation: ImportOperation, body: object, resourceId: string | undefined, ctx: RequestContext): Promise<Attempt> {
    const checked = await this.check(operation, body, ctx);
    if (!checked.ok) return checked;
    try {
      const result = await this.commands.execute(OPERATIONS[operation].command(checked.dto, ctx, resourceId));
      return { ok: true, position: result.position ?? null };
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return { ok: false, refusal };
    }
  }

  /** the training steps still needed from the animator's current state (none when the same file comes again) */
  private async reachTrainingStatus(request: Extract<ApiRequest, { operation: 'reachTrainingStatus' }>, ctx: RequestContext, row: RowContext): Promise<SendOutcome> {
    const { state } = await this.writes.load(streams.animator(request.animatorId), animatorDecider);
    // the row registered the animator just before: an unknown one can only be a store that lost it (the step is then refused)
    const current = state.status === 'unregistered' ? { status: 'untrained' as const } : { status: state.status, capable: state.status === 'completed' ? state.capable : null };
    const steps = trainingStepsToReach(current, request.target);
    if (!steps.ok) return { ok: false, errors: [{ line: row.line, field: steps.field, message: steps.message }] };
    let position: string | null = null;
    for (const step of steps.steps) {
      const outcome = rowOutcome(await this.attempt('recordTrainingStep', step, request.animatorId, ctx), 'recordTrainingStep', ctx, row);
      if (!outcome.ok) return outcome;
      position = laterPosition(position, outcome.position);
    }
    return { ok: true, position };
  }
}

const rowOutcome = (attempt: Attempt, operation: ImportOperation, ctx: RequestContext, row: RowContext): SendOutcome =>
  attempt.ok ? { ok: true, position: attempt.position } : { ok: false, errors: rowErrorsOf(attempt.refusal, { ...row, operation, principal: ctx.principal }) };

/** the later of two positions (a command that appended nothing answers its stream's last position) */
export const laterPosition = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : comparePositions(a, b) >= 0 ? a : b);

const resourceOf = (request: Exclude<ApiRequest, { operation: 'reachTrainingStatus' }>): string | undefined => ('cafeId' in request ? request.cafeId : undefined);
