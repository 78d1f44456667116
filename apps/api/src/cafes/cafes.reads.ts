import { Inject, Injectable } from '@nestjs/common';
import type { CafeItem, Page, ReadModelQueries } from '@cafeia/projections';
import type { Principal } from '../auth/principal';
import { badRequest, forbidden, notFoundProblem } from '../http/problem';
import { READ_MODELS } from '../infrastructure/tokens';
import { ReadScope } from '../read-side/read-scope';
import type { CafesQuery } from './cafes.query';

/** The directory of cafés as the caller may see it (territory, structures): for the API and the web app alike. */
@Injectable()
export class CafeReads {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly scope: ReadScope) {}

  /** checks the filters (400/403) before anything is read */
  list(principal: Principal, query: Omit<CafesQuery, 'minPosition'>): () => Promise<Page<CafeItem>> {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) throw badRequest('from must not be after to', [{ field: 'to', message: 'must not be before from' }]);
    const territory = this.scope.territoryFilter(principal, query.territory);
    if (principal.role !== 'network') {
      const structureIds = this.structureFilter(this.scope.structureFilter(principal), query.structureId);
      return () => this.queries.cafes({ territory, from: query.from, to: query.to, status: query.status, format: query.format, structureIds, page: query.page, pageSize: query.pageSize });
    }
    // a network's members are read with the answer (they change with the read model)
    return async () => {
      const structureIds = this.structureFilter(await this.scope.structureScope(principal), query.structureId);
      return this.queries.cafes({ territory, from: query.from, to: query.to, status: query.status, format: query.format, structureIds, page: query.page, pageSize: query.pageSize });
    };
  }

  /** the caller's structures, narrowed to one when asked: an organizer (or a network) asking for another's is refused */
  private structureFilter(own: string[] | undefined, structureId: string | undefined): string[] | undefined {
    if (structureId === undefined) return own;
    if (own && !own.includes(structureId)) throw forbidden(`The structure ${structureId} is outside your scope.`);
    return [structureId];
  }

  async one(principal: Principal, id: string): Promise<CafeItem> {
    const cafe = await this.queries.cafe(id);
    // outside the council, an unknown café answers like someone else's: no existence oracle
    if (!cafe && principal.role !== 'council') throw forbidden('This café is outside your scope.');
    if (!cafe) throw notFoundProblem(`No café has the id ${id}.`, 'unknown_cafe');
    await this.scope.assertCafeVisible(principal, cafe);
    return cafe;
  }
}
