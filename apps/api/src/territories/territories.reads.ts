import { Inject, Injectable } from '@nestjs/common';
import type { TerritoryLevel } from '@cafeia/domain';
import type { Page, ReadModelQueries, TerritoryAsOf, TerritoryRanking, TerritoryReport } from '@cafeia/projections';
import { assertPastOrToday } from '../http/as-of-date';
import type { Territories } from '@cafeia/territories';
import type { Principal } from '../auth/principal';
import { invalidField, notFoundProblem } from '../http/problem';
import { CLOCK, READ_MODELS, TERRITORIES } from '../infrastructure/tokens';
import { ReadScope } from '../read-side/read-scope';

export const TERRITORY_LEVELS_READ = ['region', 'department', 'epci', 'commune'] as const;

/** Territory dashboards and rankings, narrowed to the caller's territory: for the API and the web app alike. */
@Injectable()
export class TerritoryReads {
  constructor(
    @Inject(READ_MODELS) private readonly queries: ReadModelQueries,
    @Inject(TERRITORIES) private readonly territories: Territories,
    private readonly scope: ReadScope,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  /** every territory of the level (inside a coordinator's territory), ranked */
  ranking(principal: Principal, level: TerritoryLevel, page: { page?: number; pageSize?: number }): Promise<Page<TerritoryRanking>> {
    const within = principal.role === 'coordinator' ? (code: string) => this.scope.inScope(principal, level, code) : undefined;
    return this.queries.territories(level, page, within);
  }

  /** the territory named in a URL, checked: 404 when it does not exist, 403 outside the caller's territory */
  resolve(principal: Principal, level: string, code: string): { level: TerritoryLevel; code: string } {
    const parsed = this.territories.parseTerritory(`${level}:${code}`);
    if (!parsed) {
      if (!(TERRITORY_LEVELS_READ as readonly string[]).includes(level)) throw notFoundProblem(`Unknown territory level "${level}": use region, department, epci or commune.`, 'unknown_territory_level');
      throw notFoundProblem(`No ${level} has the code ${code} in the official geographic code.`, 'unknown_territory');
    }
    this.scope.assertTerritory(principal, parsed.level, parsed.code);
    return { level: parsed.level as TerritoryLevel, code: parsed.code };
  }

  async dashboard(territory: { level: TerritoryLevel; code: string }): Promise<TerritoryReport> {
    const report = await this.queries.territory(territory.level, territory.code);
    if (!report) throw notFoundProblem(`No ${territory.level} has the code ${territory.code}.`, 'unknown_territory');
    return report;
  }

  /** the dashboard's figures, target and children as they stood at the end of a Paris day (400 naming asOfDate otherwise) */
  dashboardAsOf(territory: { level: TerritoryLevel; code: string }, asOfDate: string): () => Promise<TerritoryAsOf> {
    const date = assertPastOrToday(asOfDate, this.clock().getTime());
    return async () => {
      let report: TerritoryAsOf | null;
      try {
        report = await this.queries.territoryFiguresAsOf(territory.level, territory.code, date);
      } catch (error) {
        if (error instanceof RangeError) throw invalidField('asOfDate', error.message);
        throw error;
      }
      if (!report) throw notFoundProblem(`No ${territory.level} has the code ${territory.code}.`, 'unknown_territory');
      return report;
    };
  }
}
