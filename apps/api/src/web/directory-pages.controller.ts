import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Page } from '@cafeia/projections';
import { animatorsDirectory, cafesDirectory, structuresDirectory } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AnimatorsQuery } from '../animators/animators.query';
import { AnimatorReads } from '../animators/animators.reads';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { forbidden } from '../http/problem';
import { CafesQuery } from '../cafes/cafes.query';
import { CafeReads } from '../cafes/cafes.reads';
import { StructuresQuery } from '../structures/structures.query';
import { StructureReads } from '../structures/structures.reads';
import { filterErrors, pageFilters, textQuery } from './page-filters';
import { SignedIn } from './session/web-guards';
import { WebPages } from './web-pages';

const emptyPage = <T>(): Page<T> => ({ items: [], page: 1, pageSize: 50, total: 0 });

/** The directories of cafés, structures and animators, with the API's filters and paging, inside the caller's scope. */
@ApiExcludeController()
@Public()
@UseGuards(SignedIn)
@Controller()
export class DirectoryPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly cafes: CafeReads,
    private readonly structures: StructureReads,
    private readonly animators: AnimatorReads,
  ) {}

  private async list<T, Q extends object>(dto: new () => Q, raw: Record<string, unknown>, fields: string[], read: (query: Q) => () => Promise<Page<T>>) {
    const text = textQuery(raw, fields);
    const { query, errors } = pageFilters(dto, text);
    if (Object.keys(errors).length > 0) return { page: emptyPage<T>(), query: text, errors };
    try {
      return { page: await read(query)(), query: text, errors };
    } catch (error) {
      const refused = filterErrors(error);
      if (!refused) throw error;
      return { page: emptyPage<T>(), query: text, errors: refused };
    }
  }

  @Get('cafes')
  async cafesPage(@Query() raw: Record<string, unknown>, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (principal.role === 'funder') throw forbidden('Cette page est réservée aux rôles qui suivent les cafés.');
    const view = await this.list(CafesQuery, raw, ['territory', 'from', 'to', 'status', 'format', 'page'], (q) => this.cafes.list(principal, q));
    return this.pages.send(request, reply, 'Cafés', cafesDirectory(view));
  }

  @Get('structures')
  async structuresPage(@Query() raw: Record<string, unknown>, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    // the roles GET /v1/structures serves, each inside the same scope (a network: its current member structures)
    if (principal.role !== 'council' && principal.role !== 'coordinator' && principal.role !== 'network') throw forbidden('Cette page est réservée au Conseil, aux coordinations et aux réseaux.');
    const view = await this.list(StructuresQuery, raw, ['territory', 'sort', 'page'], (q) => this.structures.list(principal, q));
    return this.pages.send(request, reply, 'Structures', structuresDirectory(view));
  }

  @Get('animateurs')
  async animatorsPage(@Query() raw: Record<string, unknown>, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (principal.role !== 'council' && principal.role !== 'coordinator') throw forbidden('Cette page est réservée au Conseil et aux coordinations.');
    const view = await this.list(AnimatorsQuery, raw, ['territory', 'training', 'page'], (q) => this.animators.list(principal, q));
    return this.pages.send(request, reply, 'Animateurs', animatorsDirectory(view));
  }
}
