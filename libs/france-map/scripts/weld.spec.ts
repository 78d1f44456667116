import { weldVertices } from './weld';

describe('weldVertices', () => {
  it('makes two nearly equal vertices of neighbouring shapes the same point', () => {
    const [a, b] = weldVertices([[[[0, 0], [10, 0], [10, 10]]], [[[10.04, 0.03], [20, 0], [10.02, 9.99]]]], 0.1);
    expect(b[0][0]).toBe(a[0][1]);
    expect(b[0][2]).toBe(a[0][2]);
    expect(b[0][1]).toEqual([20, 0]);
  });

  it('leaves vertices further apart than the tolerance alone', () => {
    const [, b] = weldVertices([[[[0.29, 0], [5, 5], [0, 5]]], [[[0.4, 0], [0.5, 0.5], [9, 9]]]], 0.1);
    expect(b[0][0]).toEqual([0.4, 0]);
  });

  it('welds close vertices that fall on either side of a grid cell edge', () => {
    const [a, c] = weldVertices([[[[0.199, 0.199], [5, 5], [0, 5]]], [[[0.201, 0.201], [6, 6], [0, 6]]]], 0.1);
    expect(c[0][0]).toBe(a[0][0]);
  });
});
