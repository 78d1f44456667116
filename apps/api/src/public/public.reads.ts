import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@cafeia/config';
import { PublicAgendaQueries, publicFundings, type Page } from '@cafeia/projections';
import {
  CALENDAR_LOOKBACK_DAYS,
  cafesCalendar,
  mediationPlace,
  mediationPlacesCsv,
  publicAnimators,
  scdlSubventions,
  scdlSubventionsCsv,
  type PublicAnimator,
  type PublicCafe,
} from '@cafeia/publication';
import type { Territories } from '@cafeia/territories';
import { CLOCK, TERRITORIES } from '../infrastructure/tokens';
import { ReadModelSource } from '../read-side/read-model-source';
import { boundMs } from './paris-day';
import { cafeItem, toPublicCafe, toPublicStructure, type PublicCafeItem } from './public-cafe';
import { publicTerritory, territoryName } from './public-territory';
import { PublicUrls } from './public-urls';

/** a calendar holds at most this many cafés (the soonest first from 30 days ago): a feed stays a feed */
export const CALENDAR_MAX_EVENTS = 2_000;

export interface PublicCafesRequest {
  territory?: string;
  /** a Paris date (YYYY-MM-DD) or an instant; default now */
  from?: string;
  to?: string;
  format?: string;
  page?: number;
  pageSize?: number;
}

/**
 * The public listings, read from the public read model only (`PublicAgendaQueries` reaches no other table):
 * the JSON API, the calendars and the agenda pages all go through here, so a page shows what the API answers.
 */
@Injectable()
export class PublicReads {
  private readonly queries: PublicAgendaQueries;

  constructor(
    private readonly source: ReadModelSource,
    @Inject(TERRITORIES) private readonly territories: Territories,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly urls: PublicUrls,
  ) {
    this.queries = new PublicAgendaQueries(() => source.db());
  }

  now(): number {
    return this.clock().getTime();
  }

  async cafes(request: PublicCafesRequest): Promise<Page<PublicCafeItem>> {
    const page = await this.queries.cafes({
      territory: publicTerritory(this.territories, request.territory),
      fromMs: request.from ? boundMs(request.from, false) : this.now(),
      ...(request.to ? { toMs: boundMs(request.to, true) } : {}),
      format: request.format || undefined,
      page: request.page,
      pageSize: request.pageSize,
    });
    return { ...page, items: page.items.map((record) => cafeItem(toPublicCafe(record, this.territories))) };
  }

  async cafe(id: string): Promise<PublicCafe | null> {
    const record = await this.queries.cafe(id);
    return record ? toPublicCafe(record, this.territories) : null;
  }

  /** the formats of the cafés to come, for the agenda's filter */
  formats(): Promise<string[]> {
    return this.queries.formats(this.now());
  }

  /** an RFC 5545 calendar of the territory's cafés (France when none), from 30 days ago on */
  async calendar(territoryParam: string | undefined, base: string): Promise<string> {
    const territory = publicTerritory(this.territories, territoryParam);
    const nowMs = this.now();
    const records = await this.queries.calendar({ territory, fromMs: nowMs - CALENDAR_LOOKBACK_DAYS * 86_400_000, limit: CALENDAR_MAX_EVENTS });
    return cafesCalendar(
      records.map((record) => toPublicCafe(record, this.territories)),
      {
        calendarName: `Cafés IA — ${territoryName(this.territories, territory)}`,
        cafePageUrl: (id) => this.urls.cafePage(base, id),
        generatedAt: new Date(nowMs).toISOString(),
      },
    );
  }

  async animators(request: { territory?: string; page?: number; pageSize?: number }): Promise<Page<PublicAnimator>> {
    const page = await this.queries.animators({ territory: publicTerritory(this.territories, request.territory), page: request.page, pageSize: request.pageSize });
    const rows = page.items.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      commune: { code: a.commune ?? a.communeCode, name: this.territories.commune(a.commune ?? a.communeCode)?.name ?? a.communeCode },
      trainingStatus: a.trainingStatus,
      // the read model holds listed animators only; the publication keeps the rule too
      listed: true,
    }));
    return { ...page, items: publicAnimators(rows) };
  }

  /** the structures that host cafés, in the national schema of mediation places (LaMednum 1.0.1) */
  async mediationPlacesCsv(): Promise<string> {
    const structures = await this.queries.hostStructures();
    return mediationPlacesCsv(structures.map((s) => mediationPlace(toPublicStructure(s, this.territories))));
  }

  /** the fundings as SCDL « Subventions » 2.1.1 rows, one per supported structure */
  async subventionsCsv(): Promise<string> {
    const fundings = await publicFundings(this.source.db());
    const rows = fundings.flatMap((f) =>
      scdlSubventions({
        id: f.id,
        funder: { name: f.funderName, siret: null },
        beneficiaries: f.beneficiaries.map((b) => ({ name: b.name, siret: b.siret && /^\d{14}$/.test(b.siret) ? b.siret : null })),
        from: f.from,
        to: f.to,
        amountEuros: f.amountEuros,
      }),
    );
    return scdlSubventionsCsv(rows);
  }
}
