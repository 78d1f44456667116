import { Inject, Injectable } from '@nestjs/common';
import type { FundingSummary, Page, ReadModelQueries } from '@cafeia/projections';
import type { Principal } from '../auth/principal';
import { READ_MODELS } from '../infrastructure/tokens';

/** The fundings a caller may audit: every one for the council, its own for a funder. */
@Injectable()
export class FundingReads {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries) {}

  list(principal: Principal, page: { page?: number; pageSize?: number }): () => Promise<Page<FundingSummary>> {
    const funderId = principal.role === 'funder' ? principal.funderId : undefined;
    return () => this.queries.fundings({ funderId, ...page });
  }
}
