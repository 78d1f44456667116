import { Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { TerritoryLevel } from '@cafeia/domain';
import type { ReadModelQueries } from '@cafeia/projections';
import { TERRITORY_LEVELS, type Territories } from '@cafeia/territories';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { badRequest, notFoundProblem } from '../http/problem';
import { EnumParam, TextParam, UuidParam } from '../http/params';
import { READ_MODELS, TERRITORIES } from '../infrastructure/tokens';
import { Freshness } from './freshness';
import { AnimatorsQuery, CafesQuery, FreshnessQuery, RebuildQuery, StructuresQuery, TerritoriesQuery, TimelineQuery } from './read-queries.dto';
import { ReadModelSource } from './read-model-source';
import { ReadScope } from './read-scope';
import {
  ANIMATORS_SCHEMA,
  CAFE_SCHEMA,
  CAFES_SCHEMA,
  PROGRESS_SCHEMA,
  PROJECTIONS_SCHEMA,
  REBUILD_SCHEMA,
  STRUCTURES_SCHEMA,
  TERRITORIES_SCHEMA,
  TERRITORY_SCHEMA,
  TIMELINE_SCHEMA,
} from './read.openapi';

type Reply = FastifyReply;

@ApiTags('progress')
@ApiBearerAuth()
@Controller('v1/progress')
export class ProgressController {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council')
  @ApiOperation({ summary: 'National figures, target, pace over 28 days, projection at the deadline, on track' })
  @ApiOkResponse({ schema: PROGRESS_SCHEMA })
  progress(@Query() query: FreshnessQuery, @Res({ passthrough: true }) reply: Reply) {
    return this.fresh.serve(reply, query.minPosition, () => this.queries.progress());
  }

  @Get('timeline')
  @Roles('council')
  @ApiOperation({ summary: 'The figures as day/week/month buckets with cumulative people reached' })
  @ApiOkResponse({ schema: TIMELINE_SCHEMA })
  timeline(@Query() query: TimelineQuery, @Res({ passthrough: true }) reply: Reply) {
    if (query.from && query.to && query.from > query.to) throw badRequest('from must not be after to', [{ field: 'to', message: 'must not be before from' }]);
    return this.fresh.serve(reply, query.minPosition, () =>
      this.queries.timeline({ granularity: query.granularity ?? 'month', from: query.from, to: query.to }).catch((error: unknown) => {
        // the series refuses a from after its end (to defaults to today) and more than MAX_TIMELINE_BUCKETS buckets
        if (error instanceof RangeError) throw badRequest(`${error.message.replace(/^timeline: /, '')}: narrow from/to or use a coarser granularity`, [{ field: 'from', message: error.message }]);
        throw error;
      }),
    );
  }
}

@ApiTags('territories')
@ApiBearerAuth()
@Controller('v1/territories')
export class TerritoriesReadController {
  constructor(
    @Inject(READ_MODELS) private readonly queries: ReadModelQueries,
    @Inject(TERRITORIES) private readonly territories: Territories,
    private readonly fresh: Freshness,
    private readonly scope: ReadScope,
  ) {}

  @Get()
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'Every territory of a level with its figures, ranked by people reached (a coordinator sees those inside their territory)' })
  @ApiOkResponse({ schema: TERRITORIES_SCHEMA })
  async ranking(@Query() query: TerritoriesQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: Reply) {
    const level = query.level ?? 'region';
    return this.fresh.serve(reply, query.minPosition, async () => {
      if (principal.role !== 'coordinator') return this.queries.territories(level, { page: query.page, pageSize: query.pageSize });
      const all = await this.queries.territories(level, { page: 1, pageSize: 100_000 });
      const visible = all.items.filter((t) => this.scope.inScope(principal, t.level, t.code));
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      return { items: visible.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: visible.length };
    });
  }

  @Get(':level/:code')
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'A region, department or commune dashboard: figures, target, children, upcoming cafés, top structures' })
  @ApiOkResponse({ schema: TERRITORY_SCHEMA })
  async territory(@EnumParam('level', TERRITORY_LEVELS) level: string, @TextParam('code', 'INSEE code of the territory', '84') code: string, @Query() query: FreshnessQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: Reply) {
    const parsed = this.territories.parseTerritory(`${level}:${code}`);
    if (!parsed) {
      if (!['region', 'department', 'commune'].includes(level)) throw notFoundProblem(`Unknown territory level "${level}": use region, department or commune.`, 'unknown_territory_level');
      throw notFoundProblem(`No ${level} has the code ${code} in the official geographic code.`, 'unknown_territory');
    }
    this.scope.assertTerritory(principal, parsed.level, parsed.code);
    return this.fresh.serve(reply, query.minPosition, async () => {
      const report = await this.queries.territory(parsed.level as TerritoryLevel, parsed.code);
      if (!report) throw notFoundProblem(`No ${level} has the code ${code}.`, 'unknown_territory');
      return report;
    });
  }
}

@ApiTags('cafés')
@ApiBearerAuth()
@Controller('v1/cafes')
export class CafesReadController {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly fresh: Freshness, private readonly scope: ReadScope) {}

  @Get()
  @Roles('council', 'coordinator', 'organizer')
  @ApiOperation({ summary: 'The directory of cafés (filters: territory, from, to, status, format; paginated)' })
  @ApiOkResponse({ schema: CAFES_SCHEMA })
  list(@Query() query: CafesQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: Reply) {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) throw badRequest('from must not be after to', [{ field: 'to', message: 'must not be before from' }]);
    const territory = this.scope.territoryFilter(principal, query.territory);
    return this.fresh.serve(reply, query.minPosition, () =>
      this.queries.cafes({ territory, from: query.from, to: query.to, status: query.status, format: query.format, structureIds: this.scope.structureFilter(principal), page: query.page, pageSize: query.pageSize }),
    );
  }

  @Get(':id')
  @Roles('council', 'coordinator', 'organizer')
  @ApiOperation({ summary: 'One café with its enrolled, attended and anonymous counts' })
  @ApiOkResponse({ schema: CAFE_SCHEMA })
  one(@UuidParam('id') id: string, @Query() query: FreshnessQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: Reply) {
    return this.fresh.serve(reply, query.minPosition, async () => {
      const cafe = await this.queries.cafe(id);
      if (!cafe) throw notFoundProblem(`No café has the id ${id}.`, 'unknown_cafe');
      this.scope.assertCafeVisible(principal, cafe);
      return cafe;
    });
  }
}

@ApiTags('structures')
@ApiBearerAuth()
@Controller('v1/structures')
export class StructuresReadController {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly fresh: Freshness, private readonly scope: ReadScope) {}

  @Get()
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'Structures with cafés held, people reached and last café; sort=engagement ranks them' })
  @ApiOkResponse({ schema: STRUCTURES_SCHEMA })
  list(@Query() query: StructuresQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: Reply) {
    const territory = this.scope.territoryFilter(principal, query.territory);
    return this.fresh.serve(reply, query.minPosition, () => this.queries.structures({ territory, sort: query.sort, page: query.page, pageSize: query.pageSize }));
  }
}

@ApiTags('animators')
@ApiBearerAuth()
@Controller('v1/animators')
export class AnimatorsReadController {
  constructor(@Inject(READ_MODELS) private readonly queries: ReadModelQueries, private readonly fresh: Freshness, private readonly scope: ReadScope) {}

  @Get()
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'The directory of animators with their training status' })
  @ApiOkResponse({ schema: ANIMATORS_SCHEMA })
  list(@Query() query: AnimatorsQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: Reply) {
    const territory = this.scope.territoryFilter(principal, query.territory);
    return this.fresh.serve(reply, query.minPosition, () => this.queries.animators({ territory, training: query.training, page: query.page, pageSize: query.pageSize }));
  }
}

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
