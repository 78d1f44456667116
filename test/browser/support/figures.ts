import type { Page } from 'playwright-core';

/** A number the page shows: `data-figure` names it, `data-value` carries it unformatted (no "1 234"). */
export interface PageFigure {
  figure: string;
  value: string | null;
  /** The visible text, to make a failing comparison readable. */
  text: string;
}

/** Every `[data-figure]` element of the page, in document order (a figure shown twice appears twice). */
export async function collectFigures(page: Page): Promise<PageFigure[]> {
  return page.locator('[data-figure]').evaluateAll((elements) =>
    elements.map((element) => ({
      figure: element.getAttribute('data-figure') ?? '',
      value: element.getAttribute('data-value'),
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}

/**
 * The figures by name. A name shown twice with two values is a bug of the page, reported here rather than
 * hidden by "the last one wins".
 */
export function figuresByName(figures: PageFigure[]): Record<string, string | null> {
  const byName: Record<string, string | null> = {};
  for (const { figure, value } of figures) {
    if (figure in byName && byName[figure] !== value) {
      throw new Error(`data-figure="${figure}" is shown with two values: ${JSON.stringify(byName[figure])} and ${JSON.stringify(value)}`);
    }
    byName[figure] = value;
  }
  return byName;
}
