import { createHmac } from 'node:crypto';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { canonicalJson } from '@cafeia/event-store';
import type { PersonalDataVault } from '@cafeia/personal-data';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { callerIdentity, type Principal } from '../auth/principal';
import { badRequest, ProblemException } from '../http/problem';
import { IDEMPOTENCY_STORE, VAULT } from '../infrastructure/tokens';
import { IdempotencyStore } from './idempotency.store';

export const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on any POST/PUT/DELETE: the same key with the same body answers as the first time; the same
 * key with another body is a 409, and so is a second request while the first still runs (the key is reserved
 * before the command executes). Keys are scoped to the caller's whole identity (role, subject and scope claims),
 * the method and the route: another caller's key is another key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private secret: Promise<Buffer> | null = null;

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  /** keys the request hashes: without it, a remembered hash of a body holding an email could be tested */
  private hashSecret(): Promise<Buffer> {
    return (this.secret ??= this.vault.loadOrCreateSecret('idempotency-request-hash'));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const rawKey = request.headers['idempotency-key'];
    if (rawKey === undefined || request.method === 'GET') return next.handle();
    const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
    if (!KEY_SHAPE.test(key)) {
      throw badRequest('Idempotency-Key must be 1 to 200 visible ASCII characters.', [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
    }
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    return from(this.hashSecret()).pipe(
      mergeMap(async (secret) => {
        const hmac = (text: string) => createHmac('sha256', secret).update(text).digest('hex');
        const scopeKey = hmac(`scope\n${callerIdentity(request.principal)}\n${request.method}\n${request.url.split('?')[0]}\n${key}`);
        // an uploaded file (POST /v1/imports) is hashed as its bytes, not as JSON
        const requestHash = Buffer.isBuffer(request.body)
          ? createHmac('sha256', secret).update('file\n').update(request.body).digest('hex')
          : hmac(`body\n${canonicalJson(request.body ?? null)}`);
        // real time, not the pinned CLOCK: expiry is an operational matter
        return { scopeKey, reservation: await this.store.reserve(scopeKey, requestHash, Date.now()) };
      }),
      mergeMap(({ scopeKey, reservation }) => {
        switch (reservation.outcome) {
          case 'mismatch':
            throw new ProblemException(409, 'This Idempotency-Key was already used with a different body.', { code: 'idempotency_key_reused' });
          case 'in_progress':
            throw new ProblemException(409, 'A request with this Idempotency-Key is still running; retry in a moment.', {
              code: 'idempotency_key_in_use',
              headers: { 'retry-after': '1' },
            });
          case 'replay':
            void reply.header('idempotent-replayed', 'true');
            return of(JSON.parse(reservation.response.body));
          case 'reserved':
            return next.handle().pipe(
              mergeMap(async (body) => {
                await this.store.complete(scopeKey, { status, body: JSON.stringify(body) }, participantsNamedIn(body));
                return body;
              }),
              catchError((error: unknown) =>
                from(this.store.release(scopeKey)).pipe(
                  mergeMap(() => {
                    throw error;
                  }),
                ),
              ),
            );
        }
      }),
    );
  }
}

/** the people a response names, so that their erasure purges it */
function participantsNamedIn(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const { participantId, participantIds } = body as { participantId?: unknown; participantIds?: unknown };
  const ids: string[] = [];
  if (typeof participantId === 'string') ids.push(participantId);
  if (Array.isArray(participantIds)) for (const id of participantIds) if (typeof id === 'string') ids.push(id);
  return ids;
}
