import { departmentCodesOf, franceMap, franceMapGeometry, MAP_ATTRIBUTION_HTML, MAP_CAPTION, thresholdScale, formatPercent, reachLabel, type MapValue } from '@cafeia/france-map';
import type { TerritoryChild, TerritoryRanking } from '@cafeia/projections';
import { html, trusted, type Renderable } from '@cafeia/web';

/** where the national geometry is served (one cached asset, referenced by <use>: the page stays small) */
export const MAP_GEOMETRY_PATH = '/assets/map/france.svg';

/** progress toward a target is small in the first year: classes that tell territories apart at that stage */
const PROGRESS_CLASSES = thresholdScale('Part de l’objectif du territoire atteinte', [0.01, 0.05, 0.1, 0.25, 0.5], (v) => formatPercent(v, 0));

const figure = (map: string) => html`<figure class="cafeia-map fr-mb-2w">${trusted(map)}<figcaption class="fr-text--xs">${MAP_CAPTION} ${trusted(MAP_ATTRIBUTION_HTML)}</figcaption></figure>`;

/** the regions on a map of France, coloured by progress toward their target, each a link to its dashboard */
export function franceRegionsMap(regions: readonly TerritoryRanking[], href: (code: string) => string | null = (code) => `/territoires/region/${code}`): Renderable {
  const values = new Map<string, MapValue>();
  for (const r of regions) {
    const link = href(r.code);
    values.set(r.code, { value: r.progress, label: reachLabel(r.figures.peopleReached, r.target), ...(link ? { href: link } : {}) });
  }
  const svg = safely(() =>
    franceMap({ level: 'region', values, scale: PROGRESS_CLASSES, title: 'Les régions de France, par part de leur objectif atteinte', geometryHref: MAP_GEOMETRY_PATH }),
  );
  return svg ? figure(svg) : null;
}

/** a region's departments, zoomed, coloured by the same scale */
export function regionDepartmentsMap(regionCode: string, regionName: string, departments: readonly TerritoryChild[], targets: ReadonlyMap<string, number>, canOpen: (code: string) => boolean): Renderable {
  const codes = departmentCodesOf(regionCode);
  if (!codes || codes.length === 0) return null; // an overseas collectivity: no shape to draw
  const values = new Map<string, MapValue>();
  for (const d of departments) {
    const target = targets.get(d.code) ?? 0;
    values.set(d.code, { value: target > 0 ? d.figures.peopleReached / target : null, label: reachLabel(d.figures.peopleReached, target || undefined), ...(canOpen(d.code) ? { href: `/territoires/department/${d.code}` } : {}) });
  }
  const svg = safely(() =>
    franceMap({ level: 'department', values, scale: PROGRESS_CLASSES, title: `Les départements de ${regionName}`, only: codes.filter((c) => values.has(c)) }),
  );
  return svg ? figure(svg) : null;
}

/** a map must never take a dashboard down: a territory the geometry does not know leaves the table alone */
function safely(draw: () => string): string | null {
  try {
    return draw();
  } catch {
    return null;
  }
}

export { franceMapGeometry };
