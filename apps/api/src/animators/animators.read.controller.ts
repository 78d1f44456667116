import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANIMATORS_SCHEMA } from '../read-side/read.openapi';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { Freshness } from '../read-side/freshness';
import { AnimatorReads } from './animators.reads';
import { AnimatorsQuery } from './animators.query';

@ApiTags('animators')
@ApiBearerAuth()
@Controller('v1/animators')
export class AnimatorsReadController {
  constructor(private readonly reads: AnimatorReads, private readonly fresh: Freshness) {}

  @Get()
  @Roles('council', 'coordinator')
  @ApiOperation({ summary: 'The directory of animators with their training status' })
  @ApiOkResponse({ schema: ANIMATORS_SCHEMA })
  list(@Query() query: AnimatorsQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, this.reads.list(principal, query));
  }
}
