import { containsBox, pathBounds, unionBoxes } from './path-bounds';

describe('path bounds', () => {
  it('is the box of every point of every ring, relative moves included', () => {
    expect(pathBounds('m 10 10 l 5 -3 l 2 8 z m 40 0 l 1 1 l -1 1 z')).toEqual({ x: 10, y: 7, width: 41, height: 8 });
  });

  it('unites boxes', () => {
    expect(unionBoxes([{ x: 0, y: 5, width: 2, height: 2 }, { x: 3, y: 1, width: 1, height: 1 }])).toEqual({ x: 0, y: 1, width: 4, height: 6 });
  });

  it('tells whether a box holds another', () => {
    const outer = { x: 0, y: 0, width: 10, height: 10 };
    expect(containsBox(outer, { x: 1, y: 1, width: 9, height: 9 })).toBe(true);
    expect(containsBox(outer, { x: 1, y: 1, width: 9.5, height: 9 })).toBe(false);
  });
});
