import { classColour, classIndex, legendEntries, NO_DATA_COLOUR, PROGRESS_SCALE, thresholdScale } from './colour-scale';

describe('colour scale', () => {
  it('puts a value in the class whose lower bound it reaches', () => {
    expect([0, 0.2499, 0.25, 0.6, 0.99, 1, 3.5].map((v) => classIndex(PROGRESS_SCALE, v))).toEqual([0, 0, 1, 2, 3, 4, 4]);
  });

  it('has no class for a missing or non-finite figure', () => {
    expect(classIndex(PROGRESS_SCALE, null)).toBeNull();
    expect(classIndex(PROGRESS_SCALE, Number.NaN)).toBeNull();
    expect(classColour(PROGRESS_SCALE, null)).toBe(NO_DATA_COLOUR);
  });

  it('darkens class by class, from a palette as long as the classes', () => {
    const three = thresholdScale('Cafés', [10, 100], (v) => String(v));
    expect([0, 1, 2].map((i) => classColour(three, i))).toEqual(['#deebf7', '#9ecae1', '#3182bd']);
    const luminance = (hex: string): number => [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0);
    const colours = [0, 1, 2, 3, 4].map((i) => classColour(PROGRESS_SCALE, i));
    expect(colours.map(luminance)).toEqual([...colours.map(luminance)].sort((a, b) => b - a));
    expect(new Set(colours).size).toBe(5);
  });

  it('reads its classes in French in the legend', () => {
    expect(legendEntries(thresholdScale('Cafés', [10, 100], (v) => `${v} cafés`)).map((e) => e.label)).toEqual([
      'moins de 10 cafés',
      'de 10 cafés à 100 cafés',
      '100 cafés et plus',
      'aucune donnée',
    ]);
  });

  it('refuses breaks out of order or too many classes', () => {
    expect(() => thresholdScale('x', [0.5, 0.25], String)).toThrow(/ascending/);
    expect(() => thresholdScale('x', [1, 2, 3, 4, 5, 6], String)).toThrow(/classes/);
    expect(() => thresholdScale('x', [], String)).toThrow(/classes/);
  });
});
