import type { AccessScope } from './access.events';

export type GrantAccess = { type: 'GrantAccess'; grantId: string; emailSealed: string; scope: AccessScope; now: string };
export type RevokeAccess = { type: 'RevokeAccess'; grantId: string; now: string };
export type AccessCommand = GrantAccess | RevokeAccess;
