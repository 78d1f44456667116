import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/principal';
import { RateLimited } from './public-http';
import { OpenFigures } from './open-figures';
import { PublicFiguresQuery, PublicMonthlyFiguresQuery } from './public.query';
import { PublicReads } from './public.reads';
import { PublicUrls } from './public-urls';

const CSV = 'text/csv; charset=utf-8';
const attachment = (reply: FastifyReply, file: string) => void reply.header('content-disposition', `attachment; filename="${file}"`);

/** Open data (Licence Ouverte 2.0): figures per territory with small-cell suppression, and the national schemas. */
@ApiTags('public')
@RateLimited()
@Public()
@Controller('public/v1')
export class OpenDataController {
  constructor(private readonly figures: OpenFigures, private readonly reads: PublicReads, private readonly urls: PublicUrls) {}

  @Get('figures')
  @ApiOperation({ summary: 'Figures per territory (level; all time, or one month): a count of people below OPEN_DATA_MIN_CELL is null and named in suppressed' })
  async list(@Query() query: PublicFiguresQuery) {
    const { table, rows } = await this.figures.rows(query.level, query.month);
    return { items: rows, level: query.level ?? null, month: query.month ?? null, minCell: table.minCell, computedAt: table.computedAt, asOf: { position: table.position } };
  }

  @Get('figures.csv')
  @Header('content-type', CSV)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same as CSV (UTF-8, comma, CRLF; a hidden count is an empty cell); without month: the data package’s figures.csv' })
  async csv(@Query() query: PublicFiguresQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const name = ['figures', query.level, query.month].filter(Boolean).join('-');
    attachment(reply, `${name}.csv`);
    return this.figures.csvOf(name, async () => (await this.figures.rows(query.level, query.month)).rows);
  }

  @Get('figures-mensuelles.csv')
  @Header('content-type', CSV)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every month of every territory (or of one level): the data package’s figures-mensuelles.csv' })
  async monthly(@Query() query: PublicMonthlyFiguresQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const name = ['figures-mensuelles', query.level].filter(Boolean).join('-');
    attachment(reply, `${name}.csv`);
    return this.figures.csvOf(name, () => this.figures.monthlyRows(query.level));
  }

  @Get('datapackage.json')
  @ApiOperation({ summary: 'The frictionless data package describing the published files and their fields' })
  dataPackage(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.figures.dataPackage(this.urls.base(reply.request));
  }

  @Get(['lieux-mediation-numerique.csv', 'structures.csv'])
  @Header('content-type', CSV)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Structures hosting cafés in the national schema of mediation places (LaMednum standard-mediation-num 1.0.1)' })
  mediationPlaces(@Res({ passthrough: true }) reply: FastifyReply) {
    attachment(reply, 'lieux-mediation-numerique.csv');
    return this.reads.mediationPlacesCsv();
  }

  @Get(['subventions.csv', 'fundings.csv'])
  @Header('content-type', CSV)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Fundings in the SCDL « Subventions » 2.1.1 schema, one row per supported structure' })
  subventions(@Res({ passthrough: true }) reply: FastifyReply) {
    attachment(reply, 'subventions.csv');
    return this.reads.subventionsCsv();
  }
}
