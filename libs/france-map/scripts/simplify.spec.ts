import type { Point, Ring } from '../src/path-data';
import { douglasPeucker, simplifyShapes } from './simplify';

/** A wobbly line from (0, 0) to (10, 0): every other point 0.05 off the axis. */
const wobble = (from: number, to: number): Point[] => {
  const step = from < to ? 1 : -1;
  const points: Point[] = [];
  for (let x = from; x !== to + step; x += step) points.push([x, x % 2 === 0 ? 0 : 0.05]);
  return points;
};

describe('simplification', () => {
  it('drops points closer to the line than the tolerance and keeps the ends', () => {
    expect(douglasPeucker(wobble(0, 10), 0.1)).toEqual([[0, 0], [10, 0]]);
    expect(douglasPeucker([[0, 0], [5, 2], [10, 0]], 0.1)).toEqual([[0, 0], [5, 2], [10, 0]]);
  });

  it('simplifies a shared border the same way in both shapes, so no gap opens', () => {
    // Two shapes sharing the wobbly border y ≈ 0 between x = 0 and x = 10.
    const top: Ring = [...wobble(0, 10), [10, -5], [0, -5]];
    const bottom: Ring = [...wobble(10, 0), [0, 5], [10, 5]];
    const [[a], [b]] = simplifyShapes([[top], [bottom]], 0.1);
    const border = (ring: Ring): string[] => ring.filter(([, y]) => Math.abs(y) < 1).map(([x, y]) => `${x},${y}`).sort();
    expect(border(a)).toEqual(border(b));
    expect(border(a)).toEqual(['0,0', '10,0']);
  });

  it('keeps the points where a border stops being shared', () => {
    const left: Ring = [[0, 0], [5, 0], [5, 2.5], [5, 5], [0, 5]];
    const right: Ring = [[5, 0], [10, 0], [10, 2.5], [5, 2.5]];
    const [[a]] = simplifyShapes([[left], [right]], 1);
    expect(a).toContainEqual([5, 2.5]);
  });

  it('keeps an island a ring, pinned at two points', () => {
    const island: Ring = [[0, 0], [4, 0.01], [8, 0], [8, 6], [4, 6.01], [0, 6]];
    const [[ring]] = simplifyShapes([[island]], 0.1);
    expect(ring).toHaveLength(4);
  });
});
