import type { CafeView } from '../cafes/cafe-view';

/** the scope of a network's own figures */
export const NETWORK_WHOLE = 'nation';

/**
 * The scopes a café of a member counts in: the whole network and its region (a network's figures per region).
 * Written over one list so that another level (department, EPCI…) is one more entry.
 */
export const NETWORK_SCOPE_LEVELS = ['region'] as const;

export function scopesOf(cafe: Pick<CafeView, (typeof NETWORK_SCOPE_LEVELS)[number]>): string[] {
  const scopes = [NETWORK_WHOLE];
  for (const level of NETWORK_SCOPE_LEVELS) if (cafe[level] !== null) scopes.push(`${level}:${cafe[level]}`);
  return scopes;
}

/*
 * SQL text over constant names only (levels of the list above, table aliases of this folder): no input reaches it.
 */

/** SQL: the scope column `scope` is one the café of alias `cafe` counts in */
export const scopeMatchesCafe = (scope: string, cafe: string): string =>
  `(${scope} = '${NETWORK_WHOLE}'${NETWORK_SCOPE_LEVELS.map((level) => ` or ${scope} = '${level}:' || ${cafe}.${level}`).join('')})`;

/** SQL: `select <head>, <scope>, <participant> from <from> where <where>` once per scope, as a union */
export const selectPerScope = (head: string, participant: string, from: string, where: string, cafe: string): string =>
  [
    `select ${head}, '${NETWORK_WHOLE}', ${participant} from ${from} where ${where}`,
    ...NETWORK_SCOPE_LEVELS.map((level) => `select ${head}, '${level}:' || ${cafe}.${level}, ${participant} from ${from} where ${where} and ${cafe}.${level} is not null`),
  ].join(' union ');
