import type { Box } from './path-bounds';

/** The level a map is drawn at: regions, or departments. */
export type MapLevel = 'region' | 'department';

/** One territory's outline, in the map's coordinates (all shapes share one plane, insets included). */
export type Shape = {
  /** INSEE code: `84`, `2A`, `971`. */
  readonly code: string;
  /** As in the official geographic code. */
  readonly name: string;
  /** Straight-line SVG path data. */
  readonly d: string;
  readonly bounds: Box;
};

export type DepartmentShape = Shape & { readonly region: string };

/** A box drawn around an overseas department, whose shape was scaled into it. */
export type Inset = {
  /** The department's code (971…976); its region is one department. */
  readonly department: string;
  readonly region: string;
  readonly name: string;
  readonly box: Box;
};

export type FranceGeometry = {
  /** The plane every shape is drawn in: metropolitan France, then the row of insets. */
  readonly frame: Box;
  readonly departments: readonly DepartmentShape[];
  readonly regions: readonly Shape[];
  readonly insets: readonly Inset[];
};
