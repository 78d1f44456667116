import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Breakdown } from '@cafeia/projections';
import { breakdownsPage } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { BreakdownsQuery } from '../breakdowns/breakdowns.query';
import { BreakdownReads } from '../breakdowns/breakdowns.reads';
import { forbidden } from '../http/problem';
import { Freshness } from '../read-side/freshness';
import { filterErrors, pageFilters, textQuery } from './page-filters';
import { SignedIn } from './session/web-guards';
import { WebPages } from './web-pages';

/** Breakdowns of the figures (by format, public, online, structure kind, month), with the API's filters and scope. */
@ApiExcludeController()
@Public()
@UseGuards(SignedIn)
@Controller('repartitions')
export class BreakdownPagesController {
  constructor(private readonly pages: WebPages, private readonly breakdowns: BreakdownReads, private readonly fresh: Freshness) {}

  @Get()
  async breakdown(@Query() raw: Record<string, unknown>, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (principal.role !== 'council' && principal.role !== 'coordinator' && principal.role !== 'network') {
      throw forbidden('Les répartitions sont réservées au Conseil, aux coordinations et aux réseaux.');
    }
    const text = textQuery(raw, ['by', 'territory', 'from', 'to']);
    const { query, errors } = pageFilters(BreakdownsQuery, { ...text, by: text.by ?? 'format' });
    const asOf = await this.fresh.asOf();
    let breakdown: Breakdown | null = null;
    let refused: Record<string, string> = errors;
    if (Object.keys(errors).length === 0) {
      try {
        breakdown = await this.breakdowns.breakdown(principal, query)();
      } catch (error) {
        const fieldErrors = filterErrors(error);
        if (!fieldErrors) throw error;
        refused = fieldErrors;
      }
    }
    return this.pages.send(request, reply, 'Répartitions', breakdownsPage({ breakdown, query: text, errors: refused, asOf, territoryFilter: principal.role !== 'network' }));
  }
}
