import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { STRUCTURES_SCHEMA } from '../read-side/read.openapi';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { Freshness } from '../read-side/freshness';
import { StructureReads } from './structures.reads';
import { StructuresQuery } from './structures.query';

@ApiTags('structures')
@ApiBearerAuth()
@Controller('v1/structures')
export class StructuresReadController {
  constructor(private readonly reads: StructureReads, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council', 'coordinator', 'network')
  @ApiOperation({ summary: 'Structures with cafés held, people reached and last café; sort=engagement ranks them' })
  @ApiOkResponse({ schema: STRUCTURES_SCHEMA })
  list(@Query() query: StructuresQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, this.reads.list(principal, query));
  }
}
