import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, TokenClaims } from './jwt';

/** The caller, from a verified bearer token. */
export type Principal = TokenClaims;

export const PUBLIC = 'cafeia:public';
export const ROLES_KEY = 'cafeia:roles';

/** No token needed (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Roles allowed on this route; scopes are checked by the handler against the resource. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

/**
 * Who the caller is, all of it: role, subject and scope claims (not the token's times). Two tokens that share a
 * subject but not a scope are two callers, e.g. for Idempotency-Keys and ids derived from them.
 */
export function callerIdentity(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  return JSON.stringify([
    principal.role,
    principal.sub,
    principal.territory ?? null,
    principal.funderId ?? null,
    principal.structureIds ? [...principal.structureIds].sort() : null,
    principal.networkId ?? null,
  ]);
}
