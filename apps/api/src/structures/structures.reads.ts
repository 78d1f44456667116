import { Inject, Injectable } from '@nestjs/common';
import type { Page, ReadModelQueries, StructureItem } from '@cafeia/projections';
import type { Principal } from '../auth/principal';
import { READ_MODELS } from '../infrastructure/tokens';
import { ReadScope } from '../read-side/read-scope';
import type { StructuresQuery } from './structures.query';

/** The structures directory with their engagement, inside the caller's territory. */
@Injectable()
export class StructureReads {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly scope: ReadScope) {}

  list(principal: Principal, query: Omit<StructuresQuery, 'minPosition'>): () => Promise<Page<StructureItem>> {
    const territory = this.scope.territoryFilter(principal, query.territory);
    // a network sees its current member structures only
    return async () => this.queries.structures({ territory, structureIds: await this.scope.structureScope(principal), sort: query.sort, page: query.page, pageSize: query.pageSize });
  }

  /**
   * The structures the caller organizes cafés for or follows, by name, for a select: an organizer's own, a
   * coordinator's inside their territory, the council's (the first `limit`).
   */
  async choices(principal: Principal, limit = 500): Promise<StructureItem[]> {
    const territory = principal.role === 'coordinator' ? principal.territory : undefined;
    const structureIds =
      principal.role === 'organizer' || principal.role === 'network' ? await this.scope.structureScope(principal) : principal.role === 'council' || principal.role === 'coordinator' ? undefined : [];
    return (await this.queries.structures({ territory, structureIds, sort: 'name', page: 1, pageSize: limit })).items;
  }

  /** structures by id (their names are public: the agenda shows them) */
  async byIds(ids: readonly string[]): Promise<StructureItem[]> {
    if (ids.length === 0) return [];
    return (await this.queries.structures({ structureIds: [...new Set(ids)], sort: 'name', page: 1, pageSize: 500 })).items;
  }
}
