import type { Point, Ring } from '../src/path-data';

/**
 * Merges vertices closer than `tolerance` into the first one met, across all shapes. The source's
 * relative path data, rounded to hundredths, lets the two sides of a shared border drift apart by
 * a few hundredths; once welded they are the very same points, so neighbours meet without gaps
 * and regions can be dissolved from their departments.
 */
export function weldVertices(shapes: readonly (readonly Ring[])[], tolerance: number): Ring[][] {
  const cells = new Map<string, Point[]>();
  const cellOf = (value: number): number => Math.floor(value / tolerance);
  const weld = (point: Point): Point => {
    const cx = cellOf(point[0]);
    const cy = cellOf(point[1]);
    let best: Point | undefined;
    let bestDistance = Infinity;
    for (let i = -1; i <= 1; i++) {
      for (const candidate of [-1, 0, 1].flatMap((j) => cells.get(`${cx + i},${cy + j}`) ?? [])) {
        const distance = Math.hypot(candidate[0] - point[0], candidate[1] - point[1]);
        if (distance <= tolerance && distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    if (best) return best;
    const cell = `${cx},${cy}`;
    cells.set(cell, [...(cells.get(cell) ?? []), point]);
    return point;
  };
  return shapes.map((rings) => rings.map((ring) => ring.map(weld)));
}
