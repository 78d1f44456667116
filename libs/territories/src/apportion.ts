/**
 * A territory's share of the national target, in proportion to its population, rounded to whole
 * people. Rounding each share on its own means the shares of a partition may miss the national
 * target by up to half a person per territory; that is the documented rule (API.md).
 */
export function apportion(nationalTarget: number, population: number, nationalPopulation: number): number {
  if (nationalPopulation <= 0) return 0;
  return Math.round((nationalTarget * population) / nationalPopulation);
}
