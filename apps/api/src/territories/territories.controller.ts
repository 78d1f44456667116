import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TERRITORY_LEVELS } from '@cafeia/domain';
import { EnumParam, TextParam } from '../http/params';
import { TERRITORIES_SCHEMA, TERRITORY_SCHEMA } from '../read-side/read.openapi';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { AsOfDateQuery } from '../http/as-of-date';
import { Freshness, serveWithOwnAsOf } from '../read-side/freshness';
import { TerritoryReads } from './territories.reads';
import { TerritoriesQuery } from './territories.query';

@ApiTags('territories')
@ApiBearerAuth()
@Controller('v1/territories')
export class TerritoriesController {
  constructor(private readonly reads: TerritoryReads, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'Every territory of a level with its figures, ranked by people reached (a coordinator sees those inside their territory)' })
  @ApiOkResponse({ schema: TERRITORIES_SCHEMA })
  ranking(@Query() query: TerritoriesQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, () => this.reads.ranking(principal, query.level ?? 'region', { page: query.page, pageSize: query.pageSize }));
  }

  @Get(':level/:code')
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'A region, department, EPCI or commune dashboard: figures, target, children, upcoming cafés, top structures (a department: its EPCIs); asOfDate: as they stood at the end of that day' })
  @ApiOkResponse({ schema: TERRITORY_SCHEMA })
  territory(@EnumParam('level', TERRITORY_LEVELS) level: string, @TextParam('code', 'INSEE code of the territory (an EPCI: its SIREN)', '84') code: string, @Query() query: AsOfDateQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const territory = this.reads.resolve(principal, level, code);
    if (query.asOfDate !== undefined) return serveWithOwnAsOf(this.fresh, reply, query.minPosition, this.reads.dashboardAsOf(territory, query.asOfDate));
    return this.fresh.serve(reply, query.minPosition, () => this.reads.dashboard(territory));
  }
}
