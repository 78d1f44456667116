/**
 * Stream `access-{grantId}`: who may sign in to the web app with OpenID Connect, and as what. The grant id is a keyed
 * hash of the normalised email (the email itself is only sealed, under its own key in the vault: crypto-shredded when
 * the person is erased), so the log says who had access when without an email in clear.
 */
export const ACCESS_ROLES = ['council', 'coordinator', 'funder', 'organizer', 'network'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export interface AccessScope {
  role: AccessRole;
  territory: string | null;
  funderId: string | null;
  structureIds: string[] | null;
  networkId: string | null;
}

export type AccessGranted = {
  type: 'AccessGranted';
  data: { grantId: string; emailSealed: string; scope: AccessScope; at: string };
};

export type AccessRevoked = {
  type: 'AccessRevoked';
  data: { grantId: string; at: string };
};
