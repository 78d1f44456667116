import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { franceRegionsMap } from './map';
import { landingPage, nationalDashboard } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/principal';
import { ProgressReads } from '../progress/progress.reads';
import { Freshness } from '../read-side/freshness';
import { TerritoryReads } from '../territories/territories.reads';
import { currentUser } from './session/web-user';
import { landingOf, WebPages } from './web-pages';

/** `/`: the national dashboard for the council, each other role's own page for them, a welcome page for visitors. */
@ApiExcludeController()
@Public()
@Controller()
export class HomeController {
  constructor(
    private readonly pages: WebPages,
    private readonly progress: ProgressReads,
    private readonly territories: TerritoryReads,
    private readonly fresh: Freshness,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const user = currentUser(request);
    if (!user) return this.pages.send(request, reply, 'Accueil', landingPage());
    if (user.claims.role !== 'council') return reply.redirect(landingOf(user.claims), 303);
    const asOf = await this.fresh.asOf();
    const [progress, timeline, regions] = await Promise.all([
      this.progress.progress(),
      this.progress.timeline({ granularity: 'week' }),
      this.territories.ranking(user.claims, 'region', { pageSize: 500 }),
    ]);
    const map = franceRegionsMap(regions.items);
    return this.pages.send(request, reply, 'Tableau de bord national', nationalDashboard({ progress, timeline, regions: regions.items, asOf, map }), { scripts: ['/assets/app/charts.js'] });
  }
}
