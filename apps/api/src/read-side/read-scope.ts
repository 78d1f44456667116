import { Inject, Injectable } from '@nestjs/common';
import { TERRITORY_LEVELS } from '@cafeia/domain';
import type { Territories } from '@cafeia/territories';
import { Access } from '../auth/access';
import type { Principal } from '../auth/principal';
import { forbidden, invalidField } from '../http/problem';
import { TERRITORIES } from '../infrastructure/tokens';

/** Narrows a read to what the caller may see (API.md "Roles and scopes"). */
@Injectable()
export class ReadScope {
  constructor(private readonly access: Access, @Inject(TERRITORIES) private readonly territories: Territories) {}

  /** the territory filter to apply: the requested one (validated, within scope) or the coordinator's own */
  territoryFilter(principal: Principal, requested: string | undefined): string | undefined {
    let filter: string | undefined;
    if (requested !== undefined) {
      const parsed = this.territories.parseTerritory(requested);
      if (!parsed) throw invalidField('territory', `${requested} is not a territory (region:XX, department:XX or commune:XXXXX of the official geographic code)`);
      filter = `${parsed.level}:${parsed.code}`;
      // the directories filter by region, department and commune; an EPCI filter comes with its read models
      if (!(TERRITORY_LEVELS as readonly string[]).includes(parsed.level)) throw invalidField('territory', `${filter}: directories cannot be filtered by ${parsed.level} yet; use region:, department: or commune:`);
      if (principal.role === 'coordinator' && !this.access.territoryInScope(principal, parsed.level, parsed.code)) {
        throw forbidden(`${filter} is outside your territory (${principal.territory}).`);
      }
    }
    if (principal.role === 'coordinator' && filter === undefined) filter = principal.territory;
    return filter;
  }

  /** an organizer sees only the cafés of their structures */
  structureFilter(principal: Principal): string[] | undefined {
    return principal.role === 'organizer' ? principal.structureIds ?? [] : undefined;
  }

  inScope(principal: Principal, level: string, code: string): boolean {
    return this.access.territoryInScope(principal, level, code);
  }

  assertTerritory(principal: Principal, level: string, code: string): void {
    if (!this.access.territoryInScope(principal, level, code)) {
      throw forbidden(`${level}:${code} is outside your territory (${principal.territory ?? 'none'}).`);
    }
  }

  assertCafeVisible(principal: Principal, cafe: { structureId: string; communeCode: string }): void {
    if (principal.role === 'council') return;
    if (principal.role === 'organizer' && principal.structureIds?.includes(cafe.structureId)) return;
    if (principal.role === 'coordinator' && principal.territory && this.access.inTerritory(principal.territory, cafe.communeCode)) return;
    throw forbidden('This café is outside your scope.');
  }
}
