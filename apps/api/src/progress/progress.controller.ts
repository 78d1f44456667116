import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PROGRESS_SCHEMA, TIMELINE_SCHEMA } from '../read-side/read.openapi';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/principal';
import { badRequest } from '../http/problem';
import { FreshnessQuery } from '../http/read-queries';
import { AsOfDateQuery } from '../http/as-of-date';
import { Freshness, serveWithOwnAsOf } from '../read-side/freshness';
import { ProgressReads } from './progress.reads';
import { TimelineQuery } from './timeline.query';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('v1/progress')
export class ProgressController {
  constructor(private readonly reads: ProgressReads, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council')
  @ApiOperation({ summary: 'National figures, target, pace over 28 days, projection at the deadline, on track; asOfDate: as they stood at the end of that day' })
  @ApiOkResponse({ schema: PROGRESS_SCHEMA })
  progress(@Query() query: AsOfDateQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.asOfDate !== undefined) return serveWithOwnAsOf(this.fresh, reply, query.minPosition, this.reads.progressAsOf(query.asOfDate));
    return this.fresh.serve(reply, query.minPosition, () => this.reads.progress());
  }

  @Get('timeline')
  @Roles('council')
  @ApiOperation({ summary: 'The figures as day/week/month buckets with cumulative people reached' })
  @ApiOkResponse({ schema: TIMELINE_SCHEMA })
  timeline(@Query() query: TimelineQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.from && query.to && query.from > query.to) throw badRequest('from must not be after to', [{ field: 'to', message: 'must not be before from' }]);
    return this.fresh.serve(reply, query.minPosition, () => this.reads.timeline(query));
  }
}
