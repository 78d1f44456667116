import { aggregateDecider, eventsOf } from '../aggregate-decider';
import { notFound, ruleViolation } from '../errors';
import { assertNever } from '../exhaustive';
import { sameData } from '../same-data';
import type { AccessCommand } from './access.commands';
import type { AccessGranted, AccessRevoked, AccessScope } from './access.events';

export type AccessEvent = AccessGranted | AccessRevoked;

export type AccessState = { status: 'none' } | { status: 'granted'; scope: AccessScope; since: string } | { status: 'revoked'; at: string };

/** the claims each role needs, as the bearer tokens need them */
function checkScope(scope: AccessScope): void {
  const needs: Record<AccessScope['role'], keyof AccessScope | null> = { council: null, coordinator: 'territory', funder: 'funderId', organizer: 'structureIds', network: 'networkId' };
  const needed = needs[scope.role];
  if (needed && (scope[needed] === null || (Array.isArray(scope[needed]) && (scope[needed] as string[]).length === 0))) {
    throw ruleViolation('access_scope_missing', `A ${scope.role} access needs ${needed}.`, needed);
  }
}

export const decideAccess = (command: AccessCommand, state: AccessState): AccessEvent[] => {
  switch (command.type) {
    case 'GrantAccess': {
      checkScope(command.scope);
      // the same grant again is a retry; another scope replaces the grant (the log keeps both)
      if (state.status === 'granted' && sameData(state.scope, command.scope)) return [];
      return [{ type: 'AccessGranted', data: { grantId: command.grantId, emailSealed: command.emailSealed, scope: command.scope, at: command.now } }];
    }
    case 'RevokeAccess':
      if (state.status === 'none') throw notFound('access_not_found', 'No access was ever granted to this email.');
      if (state.status === 'revoked') return [];
      return [{ type: 'AccessRevoked', data: { grantId: command.grantId, at: command.now } }];
    default:
      return assertNever(command);
  }
};

export const evolveAccess = (state: AccessState, event: AccessEvent): AccessState => {
  switch (event.type) {
    case 'AccessGranted':
      return { status: 'granted', scope: event.data.scope, since: event.data.at };
    case 'AccessRevoked':
      return { status: 'revoked', at: event.data.at };
    default:
      return assertNever(event);
  }
};

export const isAccessEvent = eventsOf<AccessEvent>({ AccessGranted: true, AccessRevoked: true });

export const accessDecider = aggregateDecider<AccessCommand, AccessEvent, AccessState>({
  initialState: () => ({ status: 'none' }),
  decide: decideAccess,
  isOwnEvent: isAccessEvent,
  evolveOwn: evolveAccess,
});
