import type { TerritoryRanking } from '@cafeia/projections';
import type { Renderable } from '@cafeia/web';

/** the regions on a map of France, coloured by progress toward their target (the map library arrives separately) */
export function franceRegionsMap(_regions: readonly TerritoryRanking[]): Renderable {
  return null;
}
