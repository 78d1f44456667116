import { parsePathRings, type Ring } from './path-data';

/** An axis-aligned box in the map's coordinates. */
export type Box = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

export function ringsBounds(rings: readonly Ring[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  if (minX > maxX) throw new Error('Bounds of an empty shape');
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The bounding box of straight-line path data (all the map's shapes are). */
export function pathBounds(d: string): Box {
  return ringsBounds(parsePathRings(d));
}

export function unionBoxes(boxes: readonly Box[]): Box {
  if (boxes.length === 0) throw new Error('Union of no boxes');
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function containsBox(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
