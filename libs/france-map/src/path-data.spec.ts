import { formatPathRings, parsePathRings } from './path-data';

describe('path data', () => {
  it('reads relative pairs after a moveto as linetos', () => {
    expect(parsePathRings('m 10,20 5,0 0,5 z')).toEqual([[[10, 20], [15, 20], [15, 25]]]);
  });

  it('reads absolute and relative horizontal and vertical lines', () => {
    expect(parsePathRings('M1 1H4V3h-2v1L1 4Z')).toEqual([[[1, 1], [4, 1], [4, 3], [2, 3], [2, 4], [1, 4]]]);
  });

  it('reads numbers glued together as SVG does ("1.5.5" is 1.5 then 0.5, "-.2-.3" two negatives)', () => {
    expect(parsePathRings('M0 0l1.5.5-.2-.3z')).toEqual([[[0, 0], [1.5, 0.5], [1.3, 0.2]]]);
  });

  it('counts a relative moveto after z from the closed ring\'s first point', () => {
    const rings = parsePathRings('m 10 10 l 5 0 l 0 5 z m 20 0 l 5 0 l 0 5 z');
    expect(rings[1][0]).toEqual([30, 10]);
  });

  it('starts a new ring at the first point when a line follows z without a moveto', () => {
    const rings = parsePathRings('M10 10h5v5zl-5 0v-5z');
    expect(rings).toHaveLength(2);
    expect(rings[1]).toEqual([[10, 10], [5, 10], [5, 5]]);
  });

  it('drops an explicit return to the first point and repeated points', () => {
    expect(parsePathRings('M0 0L2 0L2 0L2 2L0 0Z')).toEqual([[[0, 0], [2, 0], [2, 2]]]);
  });

  it('refuses curves rather than guessing', () => {
    expect(() => parsePathRings('M0 0c1 1 2 2 3 3z')).toThrow(/straight lines/);
  });

  it('writes rings back so that reading them gives the same points, rounded', () => {
    const rings = [
      [[10.04, 20], [15.55, 20], [15.55, 25.12], [12, 22.4]],
      [[30, 10], [35, 10], [35, 15]],
    ] as const;
    const d = formatPathRings(rings, 1);
    expect(parsePathRings(d).map((r) => r.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]))).toEqual([
      [[10, 20], [15.6, 20], [15.6, 25.1], [12, 22.4]],
      [[30, 10], [35, 10], [35, 15]],
    ]);
  });

  it('writes flat deltas with h and v and leaves out repeated letters', () => {
    expect(formatPathRings([[[0, 0], [1, 0], [2, 0.5], [3, 1], [3, 2]]], 1)).toBe('m0 0h1l1 .5 1 .5v1z');
  });
});
