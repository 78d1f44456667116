import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { uuidParam } from '../http/params';
import { FreshnessQuery } from '../http/read-queries';
import { Freshness } from '../read-side/freshness';
import { CafeReads } from './cafes.reads';
import { CafesQuery } from './cafes.query';

@ApiTags('cafés')
@ApiBearerAuth()
@Controller('v1/cafes')
export class CafesReadController {
  constructor(private readonly reads: CafeReads, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council', 'coordinator', 'organizer')
  @ApiOperation({ summary: 'The directory of cafés (filters: territory, from, to, status, format; paginated)' })
  list(@Query() query: CafesQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, this.reads.list(principal, query));
  }

  @Get(':id')
  @Roles('council', 'coordinator', 'organizer')
  @ApiOperation({ summary: 'One café with its enrolled, attended and anonymous counts' })
  one(@Param('id', uuidParam('id')) id: string, @Query() query: FreshnessQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, () => this.reads.one(principal, id));
  }
}
