import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/principal';
import { RateLimited } from './public-http';
import { Freshness } from '../read-side/freshness';
import { PublicAnimatorsQuery } from './public.query';
import { PublicReads } from './public.reads';

@ApiTags('public')
@RateLimited()
@Public()
@Controller('public/v1')
export class PublicAnimatorsController {
  constructor(private readonly reads: PublicReads, private readonly fresh: Freshness) {}

  @Get('animators')
  @ApiOperation({ summary: 'Animators who chose to be listed (listed: true): display name, commune, training status' })
  list(@Query() query: PublicAnimatorsQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, () => this.reads.animators(query));
  }
}
