import { PARIS_COMMUNE_CODE, Territories } from '@cafeia/territories';
import { Random, WeightedChoice } from './random';

/** Where cafés take place: one in five in Paris (by arrondissement), the rest over every other commune. */
export const PARIS_SHARE = 0.2;

export interface CommunePick {
  /** INSEE code as a café gives it (a Paris arrondissement, or a current commune) */
  code: string;
  departmentCode: string;
}

/**
 * Picks communes in proportion to their official population, overseas included, except that Paris
 * gets a fixed fifth of the cafés (4 in 5 outside Paris, the programme's own goal), spread over its
 * twenty arrondissements by population.
 */
export class CommuneSampler {
  private readonly paris: WeightedChoice<CommunePick>;
  private readonly elsewhere: WeightedChoice<CommunePick>;

  constructor(territories: Territories = Territories.official()) {
    const population = new Map<string, number>();
    const picks: CommunePick[] = [];
    for (const commune of territories.all('commune')) {
      if (commune.code === PARIS_COMMUNE_CODE || commune.population <= 0) continue;
      const resolved = territories.resolveCommune(commune.code);
      if (!resolved) continue;
      picks.push({ code: commune.code, departmentCode: resolved.departmentCode });
      population.set(commune.code, commune.population);
    }
    this.elsewhere = new WeightedChoice(picks, (p) => population.get(p.code)!);
    const arrondissements = territories.arrondissementsOf(PARIS_COMMUNE_CODE).map((a) => ({ code: a.code, departmentCode: '75', population: a.population }));
    if (arrondissements.length === 0) throw new Error('the official reference has no Paris arrondissements');
    this.paris = new WeightedChoice(arrondissements, (a) => a.population);
  }

  pick(random: Random): CommunePick {
    return random.chance(PARIS_SHARE) ? this.paris.pick(random) : this.elsewhere.pick(random);
  }
}
