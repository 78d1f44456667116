import { Inject, Injectable } from '@nestjs/common';
import type { NetworkItem, NetworkReport, Page, ReadModelQueries } from '@cafeia/projections';
import type { Principal } from '../auth/principal';
import { READ_MODELS } from '../infrastructure/tokens';
import { ReadScope } from '../read-side/read-scope';
import { unknownNetwork } from './unknown-network';

/** Partner networks and their figures, as the caller may see them (the council all, a network its own). */
@Injectable()
export class NetworkReads {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly scope: ReadScope) {}

  /** the ranking; a network role sees its own line only */
  list(principal: Principal, page: { page?: number; pageSize?: number }): () => Promise<Page<NetworkItem>> {
    const within = principal.role === 'network' ? (id: string) => id === principal.networkId : undefined;
    return () => this.queries.networks(page, within);
  }

  /** checked before anything is read: 403 for another network's (whether or not it exists), 404 when unknown */
  one(principal: Principal, id: string): () => Promise<NetworkReport> {
    this.scope.assertNetwork(principal, id);
    return async () => {
      const report = await this.queries.network(id);
      if (!report) throw unknownNetwork(id);
      return report;
    };
  }
}
