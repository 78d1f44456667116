import { MAP_ATTRIBUTION } from './attribution';
import { escapeXml } from './escape-xml';
import { DEPARTMENT_SHAPES, REGION_SHAPES, shapeId } from './geometry';

/**
 * Every outline, regions and departments, as one SVG document of `<path id="d-29">`…, to serve
 * as a static, long-cached asset that `franceMap({ geometryHref })` points at with `<use>`. The
 * paths carry no fill or stroke of their own, so each `<use>` colours its copy.
 */
export function franceMapGeometry(): string {
  const paths = [
    ...REGION_SHAPES.map((r) => `<path id="${shapeId('region', r.code)}" d="${r.d}"/>`),
    ...DEPARTMENT_SHAPES.map((d) => `<path id="${shapeId('department', d.code)}" d="${d.d}"/>`),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg"><desc>${escapeXml(MAP_ATTRIBUTION)}</desc><defs>${paths.join('\n')}</defs></svg>\n`
  );
}
