import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../auth/principal';
import { forbidden } from '../../http/problem';
import type { RequestContext } from '../../infrastructure/request-context';

declare module 'fastify' {
  interface Session {
    /** the success message of the organizer's last form, shown once on the page it led to */
    organizerNotice?: string;
  }
}

/** the command context of a form post: the signed-in caller, a fresh correlation id */
export const formContext = (principal: Principal): RequestContext => ({ principal, correlationId: randomUUID(), idempotencyKey: null });

export function takeNotice(request: FastifyRequest): string | undefined {
  const notice = request.session.get('organizerNotice');
  if (notice) request.session.set('organizerNotice', undefined);
  return notice;
}

export const setNotice = (request: FastifyRequest, notice: string): void => request.session.set('organizerNotice', notice);

/** the workspace is for the roles that organize or follow cafés */
export function assertFollowsCafes(principal: Principal): void {
  if (principal.role !== 'organizer' && principal.role !== 'council' && principal.role !== 'coordinator') {
    throw forbidden('L’espace des organisateurs est réservé aux structures, aux coordinations et au Conseil.');
  }
}

/** scheduling is for the organizers of a structure and the council (API.md, Roles and scopes) */
export function assertSchedules(principal: Principal): void {
  if (principal.role !== 'organizer' && principal.role !== 'council') throw forbidden('Seuls les organisateurs et le Conseil programment des cafés.');
}

/** acting on a café (its sheet, its enrolments, its changes): its structure's organizers and the council */
export const mayActOn = (principal: Principal, cafe: { structureId: string }): boolean =>
  principal.role === 'council' || (principal.role === 'organizer' && (principal.structureIds ?? []).includes(cafe.structureId));
