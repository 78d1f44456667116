import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { PageQuery } from '../http/read-queries';
import { Freshness } from '../read-side/freshness';
import { FundingReads } from './fundings.reads';

@ApiTags('fundings')
@ApiBearerAuth()
@Controller('v1/fundings')
export class FundingsReadController {
  constructor(private readonly reads: FundingReads, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council', 'funder')
  @ApiOperation({ summary: 'The fundings the caller may audit (a funder: its own), most recent period first' })
  list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, this.reads.list(principal, query));
  }
}
