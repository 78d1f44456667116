import { Inject, Injectable } from '@nestjs/common';
import type { Territories, TerritoryRef } from '@cafeia/territories';
import { forbidden, ProblemException } from '../http/problem';
import { TERRITORIES } from '../infrastructure/tokens';
import type { Principal } from './principal';

/** Scope checks of API.md "Roles and scopes", against the resource a request touches. */
@Injectable()
export class Access {
  constructor(@Inject(TERRITORIES) private readonly territories: Territories) {}

  /**
   * The one refusal for a resource outside the caller's scope. It names only the caller's own scope, never the
   * resource's place or owner, and is the same whether or not the resource exists (no existence oracle).
   */
  outsideScope(what: string, principal?: Principal): ProblemException {
    const scope = principal?.role === 'coordinator' ? ` (your territory: ${principal.territory})` : '';
    return forbidden(`${what}: this is outside your scope${scope}.`);
  }

  /** coordinator: the commune must lie in their territory */
  assertCommuneInScope(principal: Principal, communeCode: string, what: string): void {
    if (principal.role === 'council') return;
    if (principal.role === 'coordinator' && principal.territory && this.inTerritory(principal.territory, communeCode)) return;
    throw this.outsideScope(what, principal);
  }

  /** organizer: the structure must be one of theirs */
  assertStructureInScope(principal: Principal, structureId: string, what: string): void {
    if (principal.role === 'council') return;
    if (principal.role === 'organizer' && principal.structureIds?.includes(structureId)) return;
    throw this.outsideScope(what, principal);
  }

  /**
   * coordinator (or local referent): their territory wholly contains this one (`region:84`, `department:69`,
   * `epci:200046977`, `commune:69123`; an arrondissement lies in its commune's territories)
   */
  territoryInScope(principal: Principal, level: string, code: string): boolean {
    if (principal.role === 'council') return true;
    if (principal.role !== 'coordinator' || !principal.territory) return false;
    const [scopeLevel, scopeCode] = principal.territory.split(':');
    if (scopeLevel === level && scopeCode === code) return true;
    if (level === 'commune') return this.inTerritory(principal.territory, code);
    const scope = this.territories.parseTerritory(principal.territory);
    return scope ? this.territories.territoryContains(scope, { level, code } as TerritoryRef) : false;
  }

  inTerritory(territory: string, communeCode: string): boolean {
    const parsed = this.territories.parseTerritory(territory);
    return parsed ? this.territories.contains(parsed, communeCode) : false;
  }
}
