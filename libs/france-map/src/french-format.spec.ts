import { formatCount, formatPercent, reachLabel } from './french-format';

describe('French figures', () => {
  it('groups thousands with a narrow no-break space', () => {
    expect(formatCount(1_234_567)).toBe('1\u202f234\u202f567');
    expect(formatCount(999)).toBe('999');
  });

  it('writes percentages with a decimal comma and a no-break space before %', () => {
    expect(formatPercent(0.042)).toBe('4,2\u00a0%');
    expect(formatPercent(0.25, 0)).toBe('25\u00a0%');
  });

  it('reads a reach with its share of the target', () => {
    expect(reachLabel(12_345, 293_939)).toBe("12\u202f345 personnes touchées, 4,2\u00a0% de l'objectif");
  });

  it('keeps 0 and 1 in the singular, and leaves the share out without a target', () => {
    expect(reachLabel(1, null)).toBe('1 personne touchée');
    expect(reachLabel(0, 0)).toBe('0 personne touchée');
    expect(reachLabel(2)).toBe('2 personnes touchées');
  });
});
