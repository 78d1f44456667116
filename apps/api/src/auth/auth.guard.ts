import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG } from '../infrastructure/tokens';
import type { AppConfig } from '@cafeia/config';
import { forbidden, ProblemException } from '../http/problem';
import { InvalidTokenError, Role, verifyToken } from './jwt';
import { Principal, PUBLIC, ROLES_KEY } from './principal';

/** Every route needs a valid HS256 bearer token unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = request.headers.authorization;
    if (!header) throw unauthenticated('Send a bearer token: Authorization: Bearer <token>.');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    let principal: Principal;
    try {
      principal = verifyToken(match[1], this.config.authSecret);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw unauthenticated('The token could not be read.');
    }
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && principal.role !== 'council' && !roles.includes(principal.role)) {
      throw forbidden(`The ${principal.role} role may not do this; allowed: council${roles.filter((r) => r !== 'council').map((r) => ', ' + r).join('')}.`);
    }
    return true;
  }
}

const unauthenticated = (detail: string) =>
  new ProblemException(401, detail, { code: 'unauthenticated', headers: { 'www-authenticate': 'Bearer' } });
