import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { canonicalJson } from '@cafeia/event-store';
import type { Clock } from '@cafeia/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, Observable, of } from 'rxjs';
import type { Principal } from '../auth/principal';
import { badRequest, ProblemException } from '../http/problem';
import { CLOCK, IDEMPOTENCY_STORE } from '../infrastructure/tokens';
import { IdempotencyStore } from './idempotency.store';

export const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on any POST/PUT/DELETE: the same key with the same body answers as the first time;
 * the same key with another body is a 409. Keys are scoped to the caller and the route.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore, @Inject(CLOCK) private readonly clock: Clock) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const rawKey = request.headers['idempotency-key'];
    if (rawKey === undefined || request.method === 'GET') return next.handle();
    const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;
    if (!KEY_SHAPE.test(key)) {
      throw badRequest('Idempotency-Key must be 1 to 200 visible ASCII characters.', [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
    }
    const scopeKey = sha256(`${request.principal?.sub ?? ''}\n${request.method}\n${request.url.split('?')[0]}\n${key}`);
    const requestHash = sha256(canonicalJson(request.body ?? null));
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    return from(this.store.find(scopeKey)).pipe(
      mergeMap((remembered) => {
        if (remembered) {
          if (remembered.requestHash !== requestHash) {
            throw new ProblemException(409, 'This Idempotency-Key was already used with a different body.', { code: 'idempotency_key_reused' });
          }
          void reply.header('idempotent-replayed', 'true');
          return of(JSON.parse(remembered.body));
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.store.remember(scopeKey, { requestHash, status, body: JSON.stringify(body) }, this.clock().toISOString());
            return body;
          }),
        );
      }),
    );
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
