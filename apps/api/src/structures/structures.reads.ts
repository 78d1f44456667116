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
    return () => this.queries.structures({ territory, sort: query.sort, page: query.page, pageSize: query.pageSize });
  }
}
