import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { UuidParam } from '../http/params';
import { FreshnessQuery, PageQuery } from '../http/read-queries';
import { Freshness } from '../read-side/freshness';
import { NETWORK_SCHEMA, NETWORKS_SCHEMA } from '../read-side/read.openapi';
import { NetworkReads } from './networks.reads';

@ApiTags('networks')
@ApiBearerAuth()
@Controller('v1/networks')
export class NetworksReadController {
  constructor(private readonly reads: NetworkReads, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council', 'network')
  @ApiOperation({ summary: 'Every partner network with its figures, ranked by people reached (a network role: its own)' })
  @ApiOkResponse({ schema: NETWORKS_SCHEMA })
  list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, this.reads.list(principal, { page: query.page, pageSize: query.pageSize }));
  }

  @Get(':id')
  @Roles('council', 'network')
  @ApiOperation({ summary: 'A network’s dashboard: its figures (each person once), its current member structures and its regions (403: another network’s)' })
  @ApiOkResponse({ schema: NETWORK_SCHEMA })
  one(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, this.reads.one(principal, id));
  }
}
