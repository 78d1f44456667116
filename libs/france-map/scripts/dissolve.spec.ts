import type { Ring } from '../src/path-data';
import { dissolve, signedArea } from './dissolve';

const square = (x: number, y: number, size = 1): Ring => [[x, y], [x + size, y], [x + size, y + size], [x, y + size]];

function area(rings: readonly Ring[]): number {
  return Math.abs(rings.reduce((sum, ring) => sum + signedArea(ring), 0)) / 2;
}

describe('dissolve', () => {
  it('merges two shapes sharing a border into one outline without that border', () => {
    const rings = dissolve([[square(0, 0)], [square(1, 0)]]);
    expect(rings).toHaveLength(1);
    expect(rings[0]).toHaveLength(6);
    expect(rings[0]).not.toContainEqual([0.5, 0]);
    expect(area(rings)).toBe(2);
  });

  it('merges shapes whatever the direction their rings run', () => {
    const reversed = [...square(1, 0)].reverse();
    expect(area(dissolve([[square(0, 0)], [reversed]]))).toBe(2);
  });

  it('keeps apart shapes that do not touch, islands included', () => {
    expect(dissolve([[square(0, 0), square(5, 5)], [square(10, 0)]])).toHaveLength(3);
  });

  it('leaves a hole where an enclave of another territory was', () => {
    // A 3×3 block of squares without its centre: the outline and the hole, opposite ways round.
    const block = [0, 1, 2].flatMap((x) => [0, 1, 2].filter((y) => x !== 1 || y !== 1).map((y) => [square(x, y)]));
    const rings = dissolve(block);
    expect(rings).toHaveLength(2);
    expect(Math.sign(signedArea(rings[0]))).toBe(-Math.sign(signedArea(rings[1])));
    expect(area(rings)).toBe(8);
  });
});
