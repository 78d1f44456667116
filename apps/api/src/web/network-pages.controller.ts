import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { networkPage, networksPage } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { forbidden } from '../http/problem';
import { UuidParam } from '../http/params';
import { NetworkReads } from '../networks/networks.reads';
import { Freshness } from '../read-side/freshness';
import { SignedIn } from './session/web-guards';
import { WebPages } from './web-pages';

/** The partner networks: the council's ranking, and a network's dashboard for the council and that network. */
@ApiExcludeController()
@Public()
@UseGuards(SignedIn)
@Controller('reseaux')
export class NetworkPagesController {
  constructor(private readonly pages: WebPages, private readonly networks: NetworkReads, private readonly fresh: Freshness) {}

  @Get()
  async ranking(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (principal.role !== 'council') throw forbidden('Le classement des réseaux est réservé au Conseil.');
    const asOf = await this.fresh.asOf();
    const page = await this.networks.list(principal, { pageSize: 500 })();
    return this.pages.send(request, reply, 'Réseaux partenaires', networksPage({ items: page.items, asOf }));
  }

  @Get(':id')
  async network(@UuidParam('id') id: string, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (principal.role !== 'council' && principal.role !== 'network') throw forbidden('Le tableau de bord d’un réseau est réservé au Conseil et à ce réseau.');
    const read = this.networks.one(principal, id);
    const asOf = await this.fresh.asOf();
    const report = await read();
    const breadcrumbs = principal.role === 'council' ? [{ href: '/reseaux', label: 'Réseaux' }, { label: report.name }] : [{ label: report.name }];
    return this.pages.send(request, reply, report.name, networkPage({ report, asOf }), { breadcrumbs });
  }
}
