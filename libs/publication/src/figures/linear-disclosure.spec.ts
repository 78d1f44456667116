import { determinedCells } from './linear-disclosure';

const hidden = (...keys: string[]) => new Set(keys);

describe('exact recovery of hidden cells by combining sums', () => {
  it('finds a lone unknown in a sum', () => {
    expect(determinedCells([{ total: 'T', members: ['a', 'b', 'c'] }], hidden('a'))).toEqual(['a']);
  });

  it('finds nothing where every sum has two unknowns that no other sum separates', () => {
    expect(determinedCells([{ total: 'T', members: ['a', 'b', 'c'] }], hidden('a', 'b'))).toEqual([]);
  });

  it('finds a hidden total whose members are all published', () => {
    expect(determinedCells([{ total: 'T', members: ['a', 'b'] }], hidden('T'))).toEqual(['T']);
  });

  it('finds cells pinned by a triangle of sums, each with two unknowns', () => {
    // a + b, b + c and a + c published: a = ((a + b) + (a + c) − (b + c)) / 2
    const groups = [
      { total: 'AB', members: ['a', 'b'] },
      { total: 'BC', members: ['b', 'c'] },
      { total: 'AC', members: ['a', 'c'] },
    ];
    expect(determinedCells(groups, hidden('a', 'b', 'c'))).toEqual(['a', 'b', 'c']);
  });

  it('finds the cell that is the only link between two separately protected blocks', () => {
    // a 2×2 block a b / c d under row sums r1, r2 and column sums k1, k2, where k2 also holds x: every sum
    // has two unknowns or more, yet r1 + r2 − k1 − k2 = −x
    const groups = [
      { total: 'r1', members: ['a', 'b'] },
      { total: 'r2', members: ['c', 'd'] },
      { total: 'k1', members: ['a', 'c'] },
      { total: 'k2', members: ['b', 'd', 'x'] },
      { total: 'r3', members: ['x', 'y'] },
      { total: 'k3', members: ['y', 'z'] },
    ];
    const found = determinedCells(groups, hidden('a', 'b', 'c', 'd', 'x', 'y', 'z'));
    // and once x is known, y = r3 − x and z = k3 − y; the block itself stays protected
    expect(found).toEqual(['x', 'y', 'z']);
  });

  it('keeps a 2×2 block of hidden cells under published margins protected', () => {
    const groups = [
      { total: 'r1', members: ['a', 'b', 'p'] },
      { total: 'r2', members: ['c', 'd', 'q'] },
      { total: 'k1', members: ['a', 'c'] },
      { total: 'k2', members: ['b', 'd'] },
    ];
    expect(determinedCells(groups, hidden('a', 'b', 'c', 'd'))).toEqual([]);
  });
});
