import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PROJECTIONS_SCHEMA, REBUILD_SCHEMA } from '../read-side/read.openapi';
import { RebuildQuery } from './rebuild.query';
import type { ReadModelQueries } from '@cafeia/projections';
import { Roles } from '../auth/principal';
import { badRequest } from '../http/problem';
import { READ_MODELS } from '../infrastructure/tokens';
import { ReadModelSource } from '../read-side/read-model-source';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('v1/admin/projections')
export class ProjectionsAdminController {
  constructor(private readonly source: ReadModelSource, @Inject(READ_MODELS) private readonly queries: ReadModelQueries) {}

  @Get()
  @Roles('council')
  @ApiOperation({ summary: 'Each projection’s position, lag and state' })
  @ApiOkResponse({ schema: PROJECTIONS_SCHEMA })
  async status() {
    const live = this.source.liveReadModels;
    if (live) return { projections: [await live.status()] };
    const { position, at } = await this.queries.position();
    return { projections: [{ projection: 'read-models', position, lastEventAt: at, state: 'remote', note: 'projected by the projector service; see its /metrics for lag' }] };
  }

  @Post('rebuild')
  @HttpCode(202)
  @Roles('council')
  @ApiOperation({ summary: 'Rebuild every read model from the event store beside the live ones, then switch; reads go on' })
  @ApiResponse({ status: 202, schema: REBUILD_SCHEMA })
  async rebuild(@Query() query: RebuildQuery) {
    const live = this.source.liveReadModels;
    if (!live) throw badRequest('This API process does not project; rebuild through the projector service (see docs/operations.md).');
    const running = live.rebuild();
    if (query.wait === 'true') return { state: 'done', report: await running };
    running.catch(() => undefined);
    return { state: 'rebuilding', status: await live.status() };
  }
}
