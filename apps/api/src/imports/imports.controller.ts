import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { isTemplateKind, templateCsv, templateFileName, templateXlsx, TEMPLATE_KINDS } from '@cafeia/imports';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { TextParam, UuidParam } from '../http/params';
import { notFoundProblem } from '../http/problem';
import { importJobView } from './import-job';
import { IMPORTING_ROLES } from './import-operations';
import { ImportQuery } from './import-query';
import { CSV_MEDIA_TYPE, IMPORT_MAX_BYTES, XLSX_MEDIA_TYPE } from './import-upload';
import { ImportService } from './import.service';

const JOBS_LISTED = 50;

/**
 * Imports (API.md "Imports"): a spreadsheet sent as the body, read and checked whole before the answer, then its
 * rows sent through the API's commands by the job runner. Council, coordinators and organizers may import what
 * their role may write; templates are for the same roles.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(202)
  @Roles(...IMPORTING_ROLES)
  @ApiOperation({
    summary: 'Import a spreadsheet (CSV or XLSX, up to 20 MB): the file is checked whole, then its rows go through the same commands and scopes as the API',
  })
  @ApiConsumes(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  @ApiBody({ description: 'the file itself (400 when empty, 413 above the limit)', schema: { type: 'string', format: 'binary', minLength: 1, maxLength: IMPORT_MAX_BYTES } })
  @ApiResponse({ status: 202, description: 'the job: `{id, status}`; follow it at GET /v1/imports/{id}' })
  async submit(@Query() query: ImportQuery, @Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const job = await this.imports.submit(file, { kind: query.kind, dryRun: query.dryRun === 'true', coopStructureId: query.structureId }, principal);
    void reply.header('location', `/v1/imports/${job.id}`);
    return { id: job.id, status: job.status, rows: job.rows };
  }

  @Get()
  @Roles(...IMPORTING_ROLES)
  @ApiOperation({ summary: `The caller’s last ${JOBS_LISTED} import jobs, newest first (the council: everyone’s)` })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: (await this.imports.list(principal, JOBS_LISTED)).map(importJobView) };
  }

  @Get('templates/:file')
  @Roles(...IMPORTING_ROLES)
  @ApiOperation({ summary: `A template: ${TEMPLATE_KINDS.map((k) => `${k}.csv`).join(', ')} (or .xlsx): the French headers and two example rows` })
  @ApiProduces(CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE)
  async template(@TextParam('file', 'the kind and the format, e.g. cafes.csv or cafes.xlsx', 'cafes.csv') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const match = /^([a-z_]+)\.(csv|xlsx)$/.exec(file);
    if (!match || !isTemplateKind(match[1])) throw notFoundProblem(`No template is named ${file}; try ${TEMPLATE_KINDS.map((k) => `${k}.csv`).join(', ')}.`, 'unknown_template');
    const [, kind, format] = match as unknown as [string, (typeof TEMPLATE_KINDS)[number], 'csv' | 'xlsx'];
    void reply.header('content-disposition', `attachment; filename="${templateFileName(kind, format)}"`);
    if (format === 'xlsx') {
      void reply.header('content-type', XLSX_MEDIA_TYPE);
      return Buffer.from(await templateXlsx(kind));
    }
    void reply.header('content-type', `${CSV_MEDIA_TYPE}; charset=utf-8`);
    return templateCsv(kind);
  }

  @Get(':id')
  @Roles(...IMPORTING_ROLES)
  @ApiOperation({ summary: 'An import job: its status, counts, row errors ({line, field, message}) and the position of its last write' })
  async get(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal) {
    return importJobView(await this.imports.get(id, principal));
  }
}
