import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { UuidParam } from '../http/params';
import { AuditQuery } from './audit-query.dto';
import { AUDIT_REPORT_SCHEMA, AUDIT_VERIFICATION_SCHEMA } from './audit.openapi';
import { AuditService } from './audit.service';
import { Freshness } from '../read-side/freshness';

/** the digest also travels as a header, so that a CSV carries its evidence too */
const DIGEST_HEADER = 'x-evidence-digest';

@ApiTags('audit')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'the id is not a UUID, or asOf is not a date YYYY-MM-DD (problem details)' })
@ApiForbiddenResponse({ description: 'a funder asking for another funder’s funding, or a role other than council and funder' })
@ApiNotFoundResponse({ description: 'no funding has this id (or it was not granted yet at asOf)' })
@Controller('v1/fundings')
export class AuditController {
  constructor(private readonly audits: AuditService, private readonly fresh: Freshness) {}

  @Get(':id/audit')
  @Roles('council', 'funder')
  @ApiOperation({
    summary: 'The audit report of a funding',
    description:
      'Computed from the event store: the cafés of the supported structures whose startsAt lies in the funding’s period ' +
      '(days in Europe/Paris), their figures and anomalies, progress against the targets, and the digest of the events used.',
  })
  @ApiOkResponse({ schema: AUDIT_REPORT_SCHEMA })
  async report(@UuidParam('id') id: string, @Query() query: AuditQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.fresh.asOf(query.minPosition);
    const report = await this.audits.report(principal, id, query.asOf);
    void reply.header(DIGEST_HEADER, report.evidence.digest);
    return report;
  }

  @Get(':id/audit.csv')
  @Roles('council', 'funder')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({
    summary: 'The audit report as CSV, one row per café',
    description: 'UTF-8 with a byte-order mark, fields separated by `;`, CRLF line ends: opens as is in a spreadsheet set to French.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'header row, then one row per café with its figures and anomaly codes (separated by |)', schema: { type: 'string' } })
  async csv(@UuidParam('id') id: string, @Query() query: AuditQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.fresh.asOf(query.minPosition);
    const { csv, digest } = await this.audits.csv(principal, id, query.asOf);
    const filename = `audit-${id}${query.asOf ? `-asof-${query.asOf}` : ''}.csv`;
    void reply.header('content-disposition', `attachment; filename="${filename}"`).header(DIGEST_HEADER, digest);
    return csv;
  }

  @Get(':id/audit/verify')
  @Roles('council', 'funder')
  @ApiOperation({
    summary: 'Recompute the tamper-evidence chain of every event behind the report',
    description: 'Every stream behind the report, in full (asOf does not apply): funding, funder, structures, their cafés.',
  })
  @ApiOkResponse({ schema: AUDIT_VERIFICATION_SCHEMA })
  verify(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.audits.verify(principal, id);
  }
}
