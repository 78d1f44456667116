import { Injectable } from '@nestjs/common';
import { cafeDecider, cafeSummary, CafeState, streams } from '@cafeia/domain';
import { Access } from '../auth/access';
import { notFoundProblem } from '../http/problem';
import { RequestContext } from '../infrastructure/request-context';
import { WriteSide } from '../infrastructure/write-side';

/** Loads a café for a command on it: 403 when outside the caller's structures (or unknown, outside the council), 404 when unknown. */
@Injectable()
export class CafeAccess {
  constructor(private readonly writes: WriteSide, private readonly access: Access) {}

  async load(cafeId: string, ctx: RequestContext, what: string): Promise<CafeState> {
    const { state } = await this.writes.load(streams.cafe(cafeId), cafeDecider);
    const summary = cafeSummary(state);
    if (!summary) {
      // outside the council, an unknown café answers like someone else's: no existence oracle
      if (ctx.principal.role !== 'council') throw this.access.outsideScope(what, ctx.principal);
      throw notFoundProblem(`No café has the id ${cafeId}.`, 'unknown_cafe');
    }
    this.access.assertStructureInScope(ctx.principal, summary.structureId, what);
    return state;
  }
}
