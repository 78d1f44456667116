import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { cafeEvent } from '@cafeia/publication';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/principal';
import { RateLimited } from './public-http';
import { UuidParam } from '../http/params';
import { notFoundProblem } from '../http/problem';
import { Freshness } from '../read-side/freshness';
import { preferredMediaType } from './media-negotiation';
import { cafeItem } from './public-cafe';
import { PublicCafesQuery, PublicCalendarQuery } from './public.query';
import { PublicReads } from './public.reads';
import { PublicUrls } from './public-urls';

const JSON_LD = 'application/ld+json';

/** The public agenda as data: cafés to come, one café (JSON or schema.org JSON-LD), and calendars. No token. */
@ApiTags('public')
@RateLimited()
@Public()
@Controller('public/v1')
export class PublicCafesController {
  constructor(private readonly reads: PublicReads, private readonly fresh: Freshness, private readonly urls: PublicUrls) {}

  @Get('cafes')
  @ApiOperation({ summary: 'Cafés not cancelled, from now on by default (territory, from, to, format; paginated); placesLeft, never a person' })
  list(@Query() query: PublicCafesQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.fresh.serve(reply, query.minPosition, () => this.reads.cafes(query));
  }

  @Get('cafes.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'RFC 5545 calendar of a territory’s cafés (France without territory), from 30 days ago on: stable UID, SEQUENCE, STATUS:CANCELLED' })
  async calendar(@Query() query: PublicCalendarQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const ics = await this.reads.calendar(query.territory, this.urls.base(reply.request));
    void reply.header('content-disposition', `inline; filename="cafes-ia${query.territory ? `-${query.territory.replace(':', '-')}` : ''}.ics"`);
    return ics;
  }

  @Get('cafes/:id')
  @ApiProduces('application/json', JSON_LD)
  @ApiOperation({ summary: 'One café, cancelled ones too (status); with Accept: application/ld+json, a schema.org Event' })
  async one(@UuidParam('id', 'the café (404 when no public café has it)') id: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const cafe = await this.reads.cafe(id);
    void reply.header('vary', 'Accept');
    if (!cafe) throw notFoundProblem('No public café has this id.', 'cafe_not_found');
    if (preferredMediaType(accept, ['application/json', JSON_LD]) === JSON_LD) {
      void reply.header('content-type', `${JSON_LD}; charset=utf-8`);
      return JSON.stringify(cafeEvent(cafe, { pageUrl: this.urls.cafePage(this.urls.base(reply.request), cafe.id) }));
    }
    return cafeItem(cafe);
  }
}
