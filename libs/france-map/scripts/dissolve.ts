import type { Point, Ring } from '../src/path-data';

/**
 * The outline of shapes that tile a territory: each border two of them share is dropped and what
 * is left is chained back into rings. It relies on shared borders being made of the very same
 * points on both sides, which the map's source guarantees (checked by `sharedEdgeCount`) once
 * the points are snapped to a grid.
 */
/** Twice the area, in square units, under which a dissolved ring is an artefact, not land. */
const SLIVER_AREA = 0.05;

export function dissolve(shapes: readonly (readonly Ring[])[]): Ring[] {
  const edges = new Map<string, { from: Point; to: Point; count: number }>();
  for (const rings of shapes) {
    for (const ring of counterclockwise(rings)) {
      forEachEdge(ring, (from, to) => {
        const key = undirectedKey(from, to);
        const edge = edges.get(key);
        if (edge) edge.count++;
        else edges.set(key, { from, to, count: 1 });
      });
    }
  }
  const outgoing = new Map<string, Point[]>();
  for (const edge of edges.values()) {
    if (edge.count !== 1) continue;
    const list = outgoing.get(key(edge.from)) ?? [];
    list.push(edge.to);
    outgoing.set(key(edge.from), list);
  }
  const rings: Point[][] = [];
  for (const [startKey, targets] of outgoing) {
    while (targets.length > 0) {
      const ring: Point[] = [];
      let point = parseKey(startKey);
      let next: Point | undefined = targets.pop();
      ring.push(point);
      while (next && key(next) !== startKey) {
        point = next;
        ring.push(point);
        next = outgoing.get(key(point))?.pop();
      }
      if (!next) throw new Error(`Dissolve: the outline does not close at ${key(point)}`);
      // Where two sources disagree on a vertex, a sliver of (almost) no area is left: dropped.
      if (ring.length >= 3 && Math.abs(signedArea(ring)) > SLIVER_AREA) rings.push(ring);
    }
  }
  return rings;
}

/** How many edges of the shapes are shared by two of them (0 means nothing would dissolve). */
export function sharedEdgeCount(shapes: readonly (readonly Ring[])[]): number {
  const seen = new Map<string, number>();
  for (const rings of shapes) for (const ring of rings) forEachEdge(ring, (a, b) => seen.set(undirectedKey(a, b), (seen.get(undirectedKey(a, b)) ?? 0) + 1));
  return [...seen.values()].filter((count) => count === 2).length;
}

/** Twice the signed area: positive when the ring turns counterclockwise in SVG's y-down plane. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  forEachEdge(ring, ([x1, y1], [x2, y2]) => {
    sum += x1 * y2 - x2 * y1;
  });
  return -sum;
}

/**
 * Turns a shape so its outer ring runs counterclockwise, its holes (an enclave of another
 * department) clockwise: then a border shared by two shapes runs one way in each.
 */
function counterclockwise(rings: readonly Ring[]): readonly Ring[] {
  const outer = rings.reduce((a, b) => (Math.abs(signedArea(b)) > Math.abs(signedArea(a)) ? b : a));
  return signedArea(outer) >= 0 ? rings : rings.map((ring) => [...ring].reverse());
}

function forEachEdge(ring: Ring, visit: (from: Point, to: Point) => void): void {
  for (let i = 0; i < ring.length; i++) visit(ring[i], ring[(i + 1) % ring.length]);
}

function key([x, y]: Point): string {
  return `${x},${y}`;
}

function parseKey(text: string): Point {
  const [x, y] = text.split(',').map(Number);
  return [x, y];
}

function undirectedKey(a: Point, b: Point): string {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? `${ka} ${kb}` : `${kb} ${ka}`;
}
