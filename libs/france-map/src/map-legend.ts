import { legendEntries, type ColourScale } from './colour-scale';
import { escapeXml } from './escape-xml';
import type { Box } from './path-bounds';

const COLUMNS = 3;

/**
 * The legend drawn under the map, in a grid of three columns: the scale's title, then one
 * swatch and label per class and one for "no figure". `font` is the text size in map units.
 */
export function legendSvg(scale: ColourScale, area: Box, font: number, noDataFill: string): { svg: string; height: number } {
  const entries = legendEntries(scale);
  const line = font * 1.7;
  const columnWidth = area.width / COLUMNS;
  const top = area.y + font * 1.4;
  const items = entries.map((entry, i) => {
    const x = area.x + (i % COLUMNS) * columnWidth;
    const baseline = top + (Math.floor(i / COLUMNS) + 1) * line;
    const fill = entry.noData ? noDataFill : entry.colour;
    return (
      `<rect x="${n(x)}" y="${n(baseline - font * 0.9)}" width="${n(font * 1.1)}" height="${n(font * 1.1)}" fill="${fill}" stroke="#666666" stroke-width="${n(font / 14)}"/>` +
      `<text x="${n(x + font * 1.6)}" y="${n(baseline)}">${escapeXml(entry.label)}</text>`
    );
  });
  const rows = Math.ceil(entries.length / COLUMNS);
  const svg =
    `<g class="france-map__legend" font-size="${n(font)}" fill="#161616">` +
    `<text x="${n(area.x)}" y="${n(top)}" font-weight="bold">${escapeXml(`Légende : ${scale.title}`)}</text>` +
    items.join('') +
    '</g>';
  return { svg, height: font * 1.4 + rows * line + font * 0.6 };
}

/** A coordinate written with two decimals at most. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
