import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { cafeEvent } from '@cafeia/publication';
import type { Territories } from '@cafeia/territories';
import { agendaCafeHead, agendaCafePage, agendaPage, type AgendaTerritory, type AgendaView } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/principal';
import { uuidParam } from '../http/params';
import { notFoundProblem } from '../http/problem';
import { TERRITORIES } from '../infrastructure/tokens';
import { DATE } from '../public/paris-day';
import { cafeItem } from '../public/public-cafe';
import { PublicReads } from '../public/public.reads';
import { PublicUrls } from '../public/public-urls';
import { WebPages } from './web-pages';

const AGENDA_PAGE_SIZE = 20;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** a date field sends YYYY-MM-DD; a browser without a date picker lets people type 01/07/2026 */
const isoDate = (value: string | undefined): string | undefined => {
  const french = value && /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return french ? `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}` : value;
};

/**
 * The public agenda (no sign-in, no JavaScript needed): search a commune by name or postcode (or any territory),
 * its cafés to come with the format and dates asked, page by page, and a calendar to subscribe to; each café's
 * page carries its schema.org JSON-LD. It reads the same service as `/public/v1`, so it shows what the API says.
 */
@ApiExcludeController()
@Public()
@Controller('agenda')
export class AgendaController {
  constructor(
    private readonly pages: WebPages,
    private readonly reads: PublicReads,
    private readonly urls: PublicUrls,
    @Inject(TERRITORIES) private readonly territories: Territories,
  ) {}

  private named(level: string, code: string, context?: string): AgendaTerritory {
    return { ref: `${level}:${code}`, level, name: this.territories.name(level as 'region' | 'department' | 'epci' | 'commune', code) ?? code, ...(context ? { context } : {}) };
  }

  /** the territory to show: the one given, else the best match of the search, with the other matches */
  private find(q: string | undefined, territory: string | undefined, errors: Record<string, string>): { chosen: AgendaTerritory | null; alternatives: AgendaTerritory[] } {
    if (territory) {
      const parsed = this.territories.parseTerritory(territory);
      if (parsed) return { chosen: this.named(parsed.level, parsed.code), alternatives: [] };
      errors.q = 'Ce territoire est inconnu : cherchez une commune par son nom ou son code postal.';
      return { chosen: null, alternatives: [] };
    }
    if (!q) return { chosen: null, alternatives: [] };
    const found = this.territories.search(q, { limit: 6 });
    if (found.length === 0) {
      errors.q = `Aucune commune ne correspond à « ${q} ». Vérifiez l’orthographe, ou essayez le code postal.`;
      return { chosen: null, alternatives: [] };
    }
    const [best, ...others] = found.map((t) => this.named(t.level, t.code, t.context));
    return { chosen: best, alternatives: others };
  }

  @Get()
  async agenda(@Query() raw: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const query = { q: text(raw.q), territory: text(raw.territory), format: text(raw.format), from: isoDate(text(raw.from)), to: isoDate(text(raw.to)) };
    const errors: Record<string, string> = {};
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value !== undefined && !(DATE.test(value) && !Number.isNaN(Date.parse(value)))) errors[field] = 'Écrivez une date au format JJ/MM/AAAA.';
    }
    if (!errors.from && !errors.to && query.from && query.to && query.to < query.from) errors.to = 'La date de fin doit suivre la date de début.';
    const { chosen, alternatives } = this.find(query.q, query.territory, errors);
    const pageNumber = Math.max(1, Math.min(10_000, Math.floor(Number(text(raw.page) ?? 1)) || 1));
    const page =
      errors.q || errors.from || errors.to
        ? { items: [], page: 1, pageSize: AGENDA_PAGE_SIZE, total: 0 }
        : await this.reads.cafes({ territory: chosen?.ref, format: query.format, from: query.from, to: query.to, page: pageNumber, pageSize: AGENDA_PAGE_SIZE });
    const view: AgendaView = {
      query,
      territory: chosen,
      alternatives,
      errors,
      formats: await this.reads.formats(),
      page,
      calendar: this.urls.calendar(this.urls.base(request), chosen?.ref),
    };
    const title = chosen ? `Agenda : ${chosen.name}` : 'Agenda des Cafés IA';
    return this.pages.send(request, reply, title, agendaPage(view), { breadcrumbs: [{ href: '/agenda', label: 'Agenda' }, ...(chosen ? [{ label: chosen.name }] : [])] });
  }

  @Get('cafes/:id')
  async cafe(@Param('id', uuidParam('id')) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const cafe = await this.reads.cafe(id);
    if (!cafe) throw notFoundProblem('Ce café n’existe pas, ou plus.', 'cafe_not_found');
    const base = this.urls.base(request);
    const view = {
      cafe: cafeItem(cafe),
      address: cafe.address ?? null,
      rescheduled: cafe.reschedules > 0,
      previousStartsAt: cafe.previousStartsAt ?? null,
      jsonLd: cafeEvent(cafe, { pageUrl: this.urls.cafePage(base, cafe.id) }),
      calendar: this.urls.calendar(base, `commune:${cafe.commune.code}`),
    };
    return this.pages.send(request, reply, cafe.title, agendaCafePage(view), {
      head: agendaCafeHead(view),
      breadcrumbs: [{ href: '/agenda', label: 'Agenda' }, { href: `/agenda?territory=commune:${cafe.commune.code}`, label: cafe.commune.name }, { label: cafe.title }],
    });
  }
}
