export { franceMap, FRANCE_MAP_CSS, type FranceMapOptions, type MapValue } from './france-map';
export { franceMapGeometry } from './france-map-geometry';
export {
  PROGRESS_SCALE,
  NO_DATA_COLOUR,
  NO_DATA_LABEL,
  classColour,
  classIndex,
  legendEntries,
  thresholdScale,
  type ColourScale,
  type LegendEntry,
} from './colour-scale';
export { formatCount, formatPercent, reachLabel, NBSP } from './french-format';
export { escapeXml, safeHref } from './escape-xml';
export {
  COLLECTIVITIES_NOT_DRAWN,
  DEPARTMENT_SHAPES,
  INSETS,
  MAP_FRAME,
  REGION_SHAPES,
  departmentCodesOf,
  shapeId,
  shapesAt,
} from './geometry';
export { MAP_ATTRIBUTION, MAP_ATTRIBUTION_HTML, MAP_ATTRIBUTION_SHORT, MAP_CAPTION, MAP_CAPTION_SHORT } from './attribution';
export { pathBounds, unionBoxes, containsBox, type Box } from './path-bounds';
export type { DepartmentShape, FranceGeometry, Inset, MapLevel, Shape } from './geometry-types';
