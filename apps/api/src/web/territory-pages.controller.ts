import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Territories } from '@cafeia/territories';
import { TERRITORIES } from '../infrastructure/tokens';
import { ApiExcludeController } from '@nestjs/swagger';
import { territoryDashboard, territorySearchPage } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AnimatorReads } from '../animators/animators.reads';
import { CafeReads } from '../cafes/cafes.reads';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { forbidden } from '../http/problem';
import { Freshness } from '../read-side/freshness';
import { ReadScope } from '../read-side/read-scope';
import { TerritoryReads } from '../territories/territories.reads';
import { regionDepartmentsMap } from './map';
import { SignedIn } from './session/web-guards';
import { WebPages } from './web-pages';

/** A territory's dashboard, from the region down to the commune; a coordinator sees only inside their territory. */
@ApiExcludeController()
@Public()
@UseGuards(SignedIn)
@Controller('territoires')
export class TerritoryPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly territories: TerritoryReads,
    private readonly animators: AnimatorReads,
    private readonly cafes: CafeReads,
    private readonly scope: ReadScope,
    private readonly fresh: Freshness,
    @Inject(TERRITORIES) private readonly territoryIndex: Territories,
  ) {}

  @Get()
  search(@Query('q') q: unknown, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (principal.role !== 'council' && principal.role !== 'coordinator') throw forbidden('Les tableaux de bord des territoires sont réservés au Conseil et aux coordinations.');
    const query = typeof q === 'string' ? q.trim().slice(0, 100) : '';
    // the levels that have a dashboard; a coordinator finds only what lies inside their territory
    const levels = ['region', 'department', 'epci', 'commune'] as const;
    const results = query
      ? this.territoryIndex
          .search(query, { limit: 40, levels: [...levels] })
          .filter((r) => this.scope.inScope(principal, r.level, r.code))
          .slice(0, 20)
      : [];
    const regions = principal.role === 'council' ? this.territoryIndex.all('region').map((r) => ({ code: r.code, name: r.name })) : [];
    return this.pages.send(request, reply, 'Territoires', territorySearchPage({ query, results, regions }));
  }

  @Get(':level/:code')
  async territory(@Param('level') level: string, @Param('code') code: string, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (principal.role !== 'council' && principal.role !== 'coordinator') throw forbidden('Les tableaux de bord des territoires sont réservés au Conseil et aux coordinations.');
    const territory = this.territories.resolve(principal, level, code);
    const asOf = await this.fresh.asOf();
    const [report, animators, unreported] = await Promise.all([
      this.territories.dashboard(territory),
      this.animators.list(principal, { territory: `${territory.level}:${territory.code}`, pageSize: 20 })(),
      this.cafes.list(principal, { territory: `${territory.level}:${territory.code}`, status: 'unreported', pageSize: 20 })(),
    ]);
    let map = null;
    if (territory.level === 'region') {
      const departments = await this.territories.ranking(principal, 'department', { pageSize: 500 });
      const targets = new Map(departments.items.map((d) => [d.code, d.target]));
      map = regionDepartmentsMap(report.code, report.name, report.children, targets, (code) => this.scope.inScope(principal, 'department', code));
    }
    const breadcrumbs = [...(principal.role === 'council' ? [{ href: '/', label: 'France' }] : []), ...this.parents(principal, territory), { label: report.name }];
    return this.pages.send(
      request,
      reply,
      report.name,
      territoryDashboard({ report, asOf, animators, unreported, map, canOpen: (childLevel, childCode) => this.scope.inScope(principal, childLevel, childCode) }),
      { breadcrumbs },
    );
  }

  /** an EPCI's page leads back to its department(s) the caller may open */
  private parents(principal: Principal, territory: { level: string; code: string }): { href: string; label: string }[] {
    if (territory.level !== 'epci') return [];
    return this.territoryIndex
      .departmentsOfEpci(territory.code)
      .filter((d) => this.scope.inScope(principal, 'department', d.code))
      .map((d) => ({ href: `/territoires/department/${d.code}`, label: d.name }));
  }
}
