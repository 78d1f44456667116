import { createHash, randomUUID } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { callerIdentity, type Principal } from '../auth/principal';

/** What a command carries from the request into the event metadata. */
export interface RequestContext {
  principal: Principal;
  correlationId: string;
  /** the request's Idempotency-Key header, if any */
  idempotencyKey: string | null;
}

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<{ principal: Principal; correlationId?: string; headers: Record<string, string | undefined> }>();
  return {
    principal: request.principal,
    correlationId: request.correlationId ?? randomUUID(),
    idempotencyKey: request.headers['idempotency-key'] ?? null,
  };
});

/**
 * The id of a resource a request creates: the client's `id`, else one derived from its
 * Idempotency-Key (so concurrent retries with the same key create the same resource), else new.
 */
export function newResourceId(ctx: RequestContext, kind: string, given?: string): string {
  if (given) return given;
  if (!ctx.idempotencyKey) return randomUUID();
  const hash = createHash('sha256').update(`${kind}\n${callerIdentity(ctx.principal)}\n${ctx.idempotencyKey}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x80; // version 8 (custom)
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
