import { Inject, Injectable } from '@nestjs/common';
import type { AnimatorItem, Page, ReadModelQueries } from '@cafeia/projections';
import type { Principal } from '../auth/principal';
import { READ_MODELS } from '../infrastructure/tokens';
import { ReadScope } from '../read-side/read-scope';
import type { AnimatorsQuery } from './animators.query';

/** The directory of animators and their training, inside the caller's territory. */
@Injectable()
export class AnimatorReads {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly scope: ReadScope) {}

  list(principal: Principal, query: Omit<AnimatorsQuery, 'minPosition'>): () => Promise<Page<AnimatorItem>> {
    const territory = this.scope.territoryFilter(principal, query.territory);
    return () => this.queries.animators({ territory, training: query.training, page: query.page, pageSize: query.pageSize });
  }
}
