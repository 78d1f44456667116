import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Clock } from '@cafeia/config';
import { auditPage, fundingsList } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { FundingReads } from '../fundings/fundings.reads';
import { forbidden, invalidField } from '../http/problem';
import { uuidParam } from '../http/params';
import { CLOCK } from '../infrastructure/tokens';
import { CsrfChecked, SignedIn } from './session/web-guards';
import { WebPages } from './web-pages';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const parisToday = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);

/** A funder's fundings and each audit report: anomalies in French, the evidence re-verified on demand, the CSV, a date. */
@ApiExcludeController()
@Public()
@UseGuards(SignedIn)
@Controller('financements')
export class FunderPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly fundings: FundingReads,
    private readonly audits: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private assertAuditor(principal: Principal): void {
    if (principal.role !== 'council' && principal.role !== 'funder') throw forbidden('Les rapports d’audit sont réservés aux financeurs et au Conseil.');
  }

  private asOfOf(value: unknown): string | undefined {
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) throw invalidField('asOf', 'Choisissez une date valide (AAAA-MM-JJ).');
    return value;
  }

  @Get()
  async list(@Query('page') page: string | undefined, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.assertAuditor(principal);
    const list = await this.fundings.list(principal, { page: Number(page) > 0 ? Number(page) : 1 })();
    const funderLabel = principal.role === 'council' ? 'Tous les financements du programme.' : 'Les financements que vous avez accordés.';
    return this.pages.send(request, reply, 'Financements', fundingsList({ page: list, funderLabel }));
  }

  private async render(id: string, asOf: string | undefined, verify: boolean, principal: Principal, request: FastifyRequest, reply: FastifyReply) {
    this.assertAuditor(principal);
    const report = await this.audits.report(principal, id, asOf);
    const verification = verify ? await this.audits.verify(principal, id) : null;
    const view = { report, asOf, verification, csrfToken: this.pages.csrf(reply), today: parisToday(this.clock()) };
    return this.pages.send(request, reply, 'Rapport d’audit', auditPage(view), { breadcrumbs: [{ href: '/financements', label: 'Financements' }, { label: report.funder?.name ?? 'Rapport' }] });
  }

  @Get(':id')
  report(@Param('id', uuidParam('id')) id: string, @Query('asOf') asOf: unknown, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(id, this.asOfOf(asOf), false, principal, request, reply);
  }

  @Post(':id/verification')
  @UseGuards(CsrfChecked)
  verify(@Param('id', uuidParam('id')) id: string, @Body() body: { asOf?: unknown }, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(id, this.asOfOf(body.asOf), true, principal, request, reply);
  }

  @Get(':id/audit.csv')
  async csv(@Param('id', uuidParam('id')) id: string, @Query('asOf') asOf: unknown, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    this.assertAuditor(principal);
    const date = this.asOfOf(asOf);
    const { csv, digest } = await this.audits.csv(principal, id, date);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${id}${date ? `-asof-${date}` : ''}.csv"`)
      .header('x-evidence-digest', digest)
      .send(csv);
  }
}
