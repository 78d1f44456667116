import { given } from '../testing/given-when-then';
import type { GrantAccess } from './access.commands';
import { accessDecider } from './access.decider';
import type { AccessGranted, AccessScope } from './access.events';

const scope: AccessScope = { role: 'coordinator', territory: 'region:53', funderId: null, structureIds: null, networkId: null };
const grant: GrantAccess = { type: 'GrantAccess', grantId: 'g1', emailSealed: 'sealed', scope, now: '2026-06-01T10:00:00.000Z' };
const granted: AccessGranted = { type: 'AccessGranted', data: { grantId: 'g1', emailSealed: 'sealed', scope, at: '2026-06-01T10:00:00.000Z' } };

describe('granting web access to an email', () => {
  it('grants an access with its role and scope', () => {
    given(accessDecider, []).when(grant).then([granted]);
  });

  it('granting the same again records nothing new; another scope replaces it', () => {
    given(accessDecider, [granted]).when(grant).then([]);
    const wider = { ...scope, territory: 'region:84' };
    given(accessDecider, [granted]).when({ ...grant, scope: wider }).then([{ type: 'AccessGranted', data: { ...granted.data, scope: wider } }]);
  });

  it.each([
    ['a coordinator without a territory', { ...scope, territory: null }, 'territory'],
    ['a funder without a funder', { ...scope, role: 'funder' as const, territory: null }, 'funderId'],
    ['an organizer without structures', { ...scope, role: 'organizer' as const, territory: null, structureIds: [] }, 'structureIds'],
    ['a network without a network', { ...scope, role: 'network' as const, territory: null }, 'networkId'],
  ])('refuses %s', (_what, badScope, field) => {
    given(accessDecider, []).when({ ...grant, scope: badScope }).thenThrows('rule', 'access_scope_missing', field);
  });

  it('revokes a grant once, and refuses revoking what was never granted', () => {
    given(accessDecider, [granted]).when({ type: 'RevokeAccess', grantId: 'g1', now: '2026-06-02T10:00:00.000Z' }).then([{ type: 'AccessRevoked', data: { grantId: 'g1', at: '2026-06-02T10:00:00.000Z' } }]);
    given(accessDecider, [granted, { type: 'AccessRevoked', data: { grantId: 'g1', at: 'x' } }]).when({ type: 'RevokeAccess', grantId: 'g1', now: 'y' }).then([]);
    given(accessDecider, []).when({ type: 'RevokeAccess', grantId: 'g1', now: 'y' }).thenThrows('not_found', 'access_not_found');
  });
});
