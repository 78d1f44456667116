import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelQueries } from '@cafeia/projections';
import type { Territories } from '@cafeia/territories';
import { Access } from '../auth/access';
import type { Principal } from '../auth/principal';
import { forbidden, invalidField } from '../http/problem';
import { READ_MODELS, TERRITORIES } from '../infrastructure/tokens';

/** Narrows a read to what the caller may see (API.md "Roles and scopes"). */
@Injectable()
export class ReadScope {
  constructor(
    private readonly access: Access,
    @Inject(TERRITORIES) private readonly territories: Territories,
    @Inject(READ_MODELS) private readonly queries: ReadModelQueries,
  ) {}

  /** the territory filter to apply: the requested one (validated, within scope) or the coordinator's own */
  territoryFilter(principal: Principal, requested: string | undefined): string | undefined {
    let filter: string | undefined;
    if (requested !== undefined) {
      const parsed = this.territories.parseTerritory(requested);
      if (!parsed) throw invalidField('territory', `${requested} is not a territory (region:XX, department:XX, epci:<siren> or commune:XXXXX of the official geographic code)`);
      filter = `${parsed.level}:${parsed.code}`;
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

  /**
   * The structures whose cafés the caller may see, when the role narrows by structure: an organizer's own, a
   * network's current members (read from the read model: a removed member leaves the scope at once); undefined
   * for the roles narrowed by territory or not at all.
   */
  async structureScope(principal: Principal): Promise<string[] | undefined> {
    if (principal.role === 'network') return principal.networkId ? this.queries.networkStructureIds(principal.networkId) : [];
    return this.structureFilter(principal);
  }

  /** a network role reads only its own network */
  assertNetwork(principal: Principal, networkId: string): void {
    if (principal.role === 'council') return;
    if (principal.role === 'network' && principal.networkId === networkId) return;
    throw forbidden('This network is outside your scope.');
  }

  inScope(principal: Principal, level: string, code: string): boolean {
    return this.access.territoryInScope(principal, level, code);
  }

  assertTerritory(principal: Principal, level: string, code: string): void {
    if (!this.access.territoryInScope(principal, level, code)) {
      throw forbidden(`${level}:${code} is outside your territory (${principal.territory ?? 'none'}).`);
    }
  }

  async assertCafeVisible(principal: Principal, cafe: { structureId: string; communeCode: string }): Promise<void> {
    if (principal.role === 'council') return;
    if (principal.role === 'network' && (await this.structureScope(principal))!.includes(cafe.structureId)) return;
    if (principal.role === 'organizer' && principal.structureIds?.includes(cafe.structureId)) return;
    if (principal.role === 'coordinator' && principal.territory && this.access.inTerritory(principal.territory, cafe.communeCode)) return;
    throw forbidden('This café is outside your scope.');
  }
}
