import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CAFE_SCHEMA, CAFES_SCHEMA } from '../read-side/read.openapi';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { UuidParam } from '../http/params';
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
  @Roles('council', 'coordinator', 'organizer', 'network')
  @ApiOperation({ summary: 'The directory of cafés (filters: territory, from, to, status, format; paginated)' })
  @ApiOkResponse({ schema: CAFES_SCHEMA })
  list(@Query() query: CafesQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, this.reads.list(principal, query));
  }

  @Get(':id')
  @Roles('council', 'coordinator', 'organizer', 'network')
  @ApiOperation({ summary: 'One café with its enrolled, attended and anonymous counts' })
  @ApiOkResponse({ schema: CAFE_SCHEMA })
  one(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, () => this.reads.one(principal, id));
  }
}
