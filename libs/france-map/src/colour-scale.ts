import { formatPercent } from './french-format';

/**
 * A sequential scale of classes: `breaks` are the lower bounds of every class but the first, so
 * [0.25, 0.5] makes three classes: below 25 %, 25 to 50 %, 50 % and more.
 */
export type ColourScale = {
  /** The legend's heading, in French. */
  readonly title: string;
  readonly breaks: readonly number[];
  /** How a bound reads in the legend: 0.25 → `25 %`. */
  readonly format: (value: number) => string;
};

/**
 * ColorBrewer's "Blues" (Cynthia Brewer, Pennsylvania State University; Apache 2.0 licence),
 * single-hue sequential schemes that ColorBrewer marks colour-blind safe, for 2 to 6 classes.
 */
const BLUES: Record<number, readonly string[]> = {
  2: ['#c6dbef', '#3182bd'],
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
};

/** Territories without a figure: a light grey, hatched so it never reads as the lowest class. */
export const NO_DATA_COLOUR = '#f0f0f0';
export const NO_DATA_LABEL = 'aucune donnée';

export function thresholdScale(title: string, breaks: readonly number[], format: (value: number) => string): ColourScale {
  if (breaks.length < 1 || breaks.length > 5) throw new Error('A colour scale has 2 to 6 classes (1 to 5 breaks)');
  if (breaks.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= breaks[i - 1]))) throw new Error('Colour scale breaks must be finite and ascending');
  return { title, breaks: [...breaks], format };
}

/** Progress toward a target: the last class is "target reached". */
export const PROGRESS_SCALE = thresholdScale("Part de l'objectif atteinte", [0.25, 0.5, 0.75, 1], (v) => formatPercent(v, 0));

/** The class a value falls in (0 for the lowest), or null when there is no figure. */
export function classIndex(scale: ColourScale, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  let index = 0;
  while (index < scale.breaks.length && value >= scale.breaks[index]) index++;
  return index;
}

export function classColour(scale: ColourScale, index: number | null): string {
  return index === null ? NO_DATA_COLOUR : BLUES[scale.breaks.length + 1][index];
}

export type LegendEntry = { readonly colour: string; readonly label: string; readonly noData?: true };

/** The legend's lines, lowest class first, then "no figure". */
export function legendEntries(scale: ColourScale): LegendEntry[] {
  const { breaks, format } = scale;
  const colours = BLUES[breaks.length + 1];
  const entries = colours.map((colour, i) => {
    if (i === 0) return { colour, label: `moins de ${format(breaks[0])}` };
    if (i === breaks.length) return { colour, label: `${format(breaks[i - 1])} et plus` };
    return { colour, label: `de ${format(breaks[i - 1])} à ${format(breaks[i])}` };
  });
  return [...entries, { colour: NO_DATA_COLOUR, label: NO_DATA_LABEL, noData: true }];
}
