import type { Point, Ring } from '../src/path-data';

/**
 * Douglas–Peucker simplification that keeps shared borders shared: every ring is cut at its
 * junctions (where the set of shapes owning the border changes) and each piece of border is
 * simplified once, the same way for both shapes that hold it. Points must already be welded
 * (`weldVertices`), so that a shared border is made of identical points on both sides.
 */
export function simplifyShapes(shapes: readonly (readonly Ring[])[], tolerance: number): Ring[][] {
  const owners = edgeOwners(shapes);
  const done = new Map<string, Point[]>();
  const simplifyArc = (arc: readonly Point[]): Point[] => {
    const forward = arcKey(arc);
    const backward = arcKey([...arc].reverse());
    const canonical = forward <= backward ? arc : [...arc].reverse();
    const key = forward <= backward ? forward : backward;
    let simplified = done.get(key);
    if (!simplified) {
      simplified = douglasPeucker(canonical, tolerance);
      done.set(key, simplified);
    }
    return forward <= backward ? simplified : [...simplified].reverse();
  };
  return shapes.map((rings) =>
    rings
      .map((ring) => {
        const cuts = junctions(ring, owners);
        const arcs = cutRing(ring, cuts.length > 0 ? cuts : anchors(ring));
        return arcs.flatMap((arc) => simplifyArc(arc).slice(0, -1));
      })
      .filter((ring) => ring.length >= 3),
  );
}

/** For each undirected edge, the shapes whose rings run along it. */
function edgeOwners(shapes: readonly (readonly Ring[])[]): Map<string, string> {
  const owners = new Map<string, Set<number>>();
  shapes.forEach((rings, shape) => {
    for (const ring of rings) {
      ring.forEach((point, i) => {
        const key = edgeKey(point, ring[(i + 1) % ring.length]);
        owners.set(key, (owners.get(key) ?? new Set()).add(shape));
      });
    }
  });
  return new Map([...owners].map(([key, set]) => [key, [...set].sort((a, b) => a - b).join(' ')]));
}

/** Indexes of the ring's points where the border changes owners: these points never move. */
function junctions(ring: Ring, owners: Map<string, string>): number[] {
  const out: number[] = [];
  ring.forEach((point, i) => {
    const previous = ring[(i - 1 + ring.length) % ring.length];
    const next = ring[(i + 1) % ring.length];
    if (owners.get(edgeKey(previous, point)) !== owners.get(edgeKey(point, next))) out.push(i);
  });
  return out;
}

/**
 * A ring with no junction (an island, or an enclave whose whole border is shared) is pinned at
 * its smallest point and the point farthest from it: both holders of an enclave pick the same two.
 */
function anchors(ring: Ring): number[] {
  let first = 0;
  ring.forEach((point, i) => {
    if (pointKey(point) < pointKey(ring[first])) first = i;
  });
  let far = first;
  let farthest = -1;
  ring.forEach((point, i) => {
    const distance = Math.hypot(point[0] - ring[first][0], point[1] - ring[first][1]);
    if (distance > farthest || (distance === farthest && pointKey(point) < pointKey(ring[far]))) {
      farthest = distance;
      far = i;
    }
  });
  return [first, far].sort((a, b) => a - b);
}

/** The ring's pieces between consecutive cut points, each with both ends. */
function cutRing(ring: Ring, cuts: readonly number[]): Point[][] {
  const arcs: Point[][] = [];
  cuts.forEach((start, k) => {
    const end = cuts[(k + 1) % cuts.length];
    const arc: Point[] = [ring[start]];
    let i = start;
    do {
      i = (i + 1) % ring.length;
      arc.push(ring[i]);
    } while (i !== end);
    arcs.push(arc);
  });
  return arcs;
}

export function douglasPeucker(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let index = -1;
    let distance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(points[i], points[from], points[to]);
      if (d > distance) {
        distance = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = true;
      stack.push([from, index], [index, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function pointKey([x, y]: Point): string {
  return `${x},${y}`;
}

function arcKey(arc: readonly Point[]): string {
  return arc.map(pointKey).join(' ');
}

function edgeKey(a: Point, b: Point): string {
  const ka = pointKey(a);
  const kb = pointKey(b);
  return ka < kb ? `${ka} ${kb}` : `${kb} ${ka}`;
}
