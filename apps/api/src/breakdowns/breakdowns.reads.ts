import { Inject, Injectable } from '@nestjs/common';
import { BreakdownQueryError, type Breakdown, type ReadModelQueries } from '@cafeia/projections';
import type { Principal } from '../auth/principal';
import { badRequest, invalidField } from '../http/problem';
import { READ_MODELS } from '../infrastructure/tokens';
import { ReadScope } from '../read-side/read-scope';
import { unknownNetwork } from '../networks/unknown-network';
import type { BreakdownsQuery } from './breakdowns.query';

/** Breakdowns of the figures, inside the caller's scope: for the API and the web app alike. */
@Injectable()
export class BreakdownReads {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly scope: ReadScope) {}

  /** checks the filters (400/403) before anything is read; an unknown network is a 404 once the read model has caught up */
  breakdown(principal: Principal, query: Omit<BreakdownsQuery, 'minPosition'>): () => Promise<Breakdown> {
    if (query.from && query.to && query.from.length === query.to.length && query.from > query.to) {
      throw badRequest('from must not be after to', [{ field: 'to', message: 'must not be before from' }]);
    }
    const territory = this.scope.territoryFilter(principal, query.territory);
    // a network reads its own network only; the council and coordinators may filter by any
    if (principal.role === 'network' && query.network !== undefined) this.scope.assertNetwork(principal, query.network);
    const networkId = principal.role === 'network' ? principal.networkId : query.network;
    return async () => {
      if (query.network !== undefined && !(await this.queries.networkExists(query.network))) throw unknownNetwork(query.network);
      const structureIds = principal.role === 'network' ? await this.scope.structureScope(principal) : undefined;
      try {
        return await this.queries.breakdown({ by: query.by, territory, networkId, structureIds, from: query.from, to: query.to });
      } catch (error) {
        if (error instanceof BreakdownQueryError) throw invalidField(error.field, error.message);
        throw error;
      }
    };
  }
}
