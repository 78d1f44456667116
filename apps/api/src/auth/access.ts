import { Inject, Injectable } from '@nestjs/common';
import type { Territories } from '@cafeia/territories';
import { forbidden } from '../http/problem';
import { TERRITORIES } from '../infrastructure/tokens';
import type { Principal } from './principal';

/** Scope checks of API.md "Roles and scopes", against the resource a request touches. */
@Injectable()
export class Access {
  constructor(@Inject(TERRITORIES) private readonly territories: Territories) {}

  /** coordinator: the commune must lie in their territory */
  assertCommuneInScope(principal: Principal, communeCode: string, what: string): void {
    if (principal.role === 'council') return;
    if (principal.role === 'coordinator' && principal.territory && this.inTerritory(principal.territory, communeCode)) return;
    throw forbidden(`${what} in commune ${communeCode} is outside your territory (${principal.territory ?? 'none'}).`);
  }

  /** organizer: the structure must be one of theirs */
  assertStructureInScope(principal: Principal, structureId: string, what: string): void {
    if (principal.role === 'council') return;
    if (principal.role === 'organizer' && principal.structureIds?.includes(structureId)) return;
    throw forbidden(`${what}: structure ${structureId} is not one of the structures your token covers.`);
  }

  /** coordinator territory contains this territory key (`region:84`, `department:69`, `commune:69123`) */
  territoryInScope(principal: Principal, level: string, code: string): boolean {
    if (principal.role === 'council') return true;
    if (principal.role !== 'coordinator' || !principal.territory) return false;
    const [scopeLevel, scopeCode] = principal.territory.split(':');
    if (scopeLevel === level && scopeCode === code) return true;
    if (level === 'commune') return this.inTerritory(principal.territory, code);
    if (level === 'department' && scopeLevel === 'region') {
      return this.territories.department(code)?.parent?.code === scopeCode;
    }
    return false;
  }

  inTerritory(territory: string, communeCode: string): boolean {
    const parsed = this.territories.parseTerritory(territory);
    return parsed ? this.territories.contains(parsed, communeCode) : false;
  }
}
