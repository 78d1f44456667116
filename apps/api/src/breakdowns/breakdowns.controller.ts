import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { Freshness } from '../read-side/freshness';
import { BREAKDOWN_SCHEMA } from '../read-side/read.openapi';
import { BreakdownReads } from './breakdowns.reads';
import { BreakdownsQuery } from './breakdowns.query';

@ApiTags('breakdowns')
@ApiBearerAuth()
@Controller('v1/breakdowns')
export class BreakdownsController {
  constructor(private readonly reads: BreakdownReads, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council', 'coordinator', 'network')
  @ApiOperation({ summary: 'The figures of the cafés grouped by format, audience, online, structure kind or month; the items add up to the total (people: once per item and once in the total)' })
  @ApiOkResponse({ schema: BREAKDOWN_SCHEMA })
  @ApiNotFoundResponse({ description: 'no network has the id given as network' })
  breakdown(@Query() query: BreakdownsQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, this.reads.breakdown(principal, query));
  }
}
