import type { DepartmentShape, Inset, MapLevel, Shape } from './geometry-types';
import { FRANCE_GEOMETRY } from './geometry.generated';

/**
 * Overseas collectivities left off the map (their figures go in the table beside it). The
 * French Southern Lands and Clipperton have no inhabitants and no café.
 */
export const COLLECTIVITIES_NOT_DRAWN: readonly { readonly code: string; readonly name: string }[] = [
  { code: '975', name: 'Saint-Pierre-et-Miquelon' },
  { code: '977', name: 'Saint-Barthélemy' },
  { code: '978', name: 'Saint-Martin' },
  { code: '986', name: 'Wallis-et-Futuna' },
  { code: '987', name: 'Polynésie française' },
  { code: '988', name: 'Nouvelle-Calédonie' },
];

export const MAP_FRAME = FRANCE_GEOMETRY.frame;
export const INSETS: readonly Inset[] = FRANCE_GEOMETRY.insets;
export const DEPARTMENT_SHAPES: readonly DepartmentShape[] = FRANCE_GEOMETRY.departments;
export const REGION_SHAPES: readonly Shape[] = FRANCE_GEOMETRY.regions;

export function shapesAt(level: MapLevel): readonly Shape[] {
  return level === 'region' ? REGION_SHAPES : DEPARTMENT_SHAPES;
}

/** The codes of a region's departments that the map draws, in code order. */
export function departmentCodesOf(region: string): string[] {
  return DEPARTMENT_SHAPES.filter((d) => d.region === region).map((d) => d.code);
}

/** The id of a shape in the geometry asset: `r-84`, `d-2A`. */
export function shapeId(level: MapLevel, code: string): string {
  return `${level === 'region' ? 'r' : 'd'}-${code}`;
}
