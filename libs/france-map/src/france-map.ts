import { MAP_ATTRIBUTION_SHORT, MAP_CAPTION_SHORT } from './attribution';
import { classColour, classIndex, legendEntries, NO_DATA_LABEL, type ColourScale } from './colour-scale';
import { escapeXml, safeHref } from './escape-xml';
import { NBSP } from './french-format';
import { INSETS, MAP_FRAME, REGION_SHAPES, shapeId, shapesAt } from './geometry';
import type { MapLevel, Shape } from './geometry-types';
import { legendSvg, n } from './map-legend';
import { unionBoxes, type Box } from './path-bounds';

/** One territory's figure: `value` picks its colour, `label` is read out after its name. */
export type MapValue = {
  readonly value: number | null;
  /** In French, e.g. `reachLabel(12345, 293000)`. */
  readonly label: string;
  /** Where its shape links to: a path on the site (or http(s)). */
  readonly href?: string;
};

export type FranceMapOptions = {
  readonly level: MapLevel;
  /** By INSEE code; a territory drawn without an entry reads "aucune donnée". */
  readonly values: ReadonlyMap<string, MapValue>;
  readonly scale: ColourScale;
  /** The map's accessible name, in French. */
  readonly title: string;
  /** Read after the title; a description of what is drawn by default. */
  readonly summary?: string;
  /** A code to outline and mark `aria-current`. */
  readonly selected?: string;
  /** Draws only these codes, zoomed to fit (a region's departments: `departmentCodesOf('84')`). */
  readonly only?: readonly string[];
  /** Prefix of the ids inside the SVG, unique on the page. */
  readonly id?: string;
  /**
   * URL of the geometry asset (`franceMapGeometry()` served with long caching): shapes are then
   * `<use href="URL#d-29">` instead of inline paths, so the page carries colours, names and links
   * but not the outlines.
   */
  readonly geometryHref?: string;
  /** Puts the focus and hover rules in the SVG; false when the page's stylesheet has FRANCE_MAP_CSS. */
  readonly inlineStyle?: boolean;
};

/**
 * Focus and hover, on top of a map that works without them. The focused shape turns yellow
 * with a black outline: no single outline colour contrasts with both white and the darkest
 * blue, a fill change does. Strokes are in screen pixels at any zoom.
 */
export const FRANCE_MAP_CSS =
  '.france-map a{cursor:pointer}' +
  '.france-map a:focus{outline:none}' +
  '.france-map a:hover>*{stroke:#161616;stroke-width:2px;vector-effect:non-scaling-stroke}' +
  '.france-map a:focus-visible>*{fill:#ffe552;stroke:#161616;stroke-width:3px;vector-effect:non-scaling-stroke}';

const FRAME_WIDTH = MAP_FRAME.width;
const SHAPE_STROKE = '#6a6a6a';
const REGION_STROKE = '#161616';

/**
 * France as an SVG string, every territory of `level` (or of `only`) filled by its class on
 * `scale`, named with its figure in a `<title>`, linked when it has an `href`; the overseas
 * departments sit in boxed insets under metropolitan France. Everything written in is escaped.
 */
export function franceMap(options: FranceMapOptions): string {
  const id = checkedId(options.id ?? 'carte-france');
  const shapes = shapesToDraw(options.level, options.only);
  const national = options.only === undefined;
  const content = national ? MAP_FRAME : fitBox(unionBoxes(shapes.map((s) => s.bounds)));
  // Text and strokes are sized to the width drawn, so they look the same at any zoom.
  const k = content.width / FRAME_WIDTH;
  const font = 13 * k;
  const noDataFill = `url(#${id}-sans-donnee)`;
  const linked = shapes.some((s) => options.values.get(s.code)?.href !== undefined);

  const legend = legendSvg(options.scale, { x: content.x + 4 * k, y: content.y + content.height, width: content.width - 8 * k, height: 0 }, font, noDataFill);
  const notesTop = content.y + content.height + legend.height;
  const notes = (national ? [MAP_CAPTION_SHORT, MAP_ATTRIBUTION_SHORT] : [MAP_ATTRIBUTION_SHORT]).map(
    (text, i) => `<text x="${n(content.x + 4 * k)}" y="${n(notesTop + (i + 1) * font * 1.15)}">${escapeXml(text)}</text>`,
  );
  const height = content.height + legend.height + (notes.length + 0.6) * font * 1.15;
  const viewBox = `${n(content.x)} ${n(content.y)} ${n(content.width)} ${n(height)}`;
  const summary = options.summary ?? defaultSummary(options.level, shapes.length, national, options.scale, linked);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" class="france-map france-map--${options.level}" id="${id}"`,
    ` role="${linked ? 'group' : 'img'}" aria-labelledby="${id}-titre" aria-describedby="${id}-resume" font-family="sans-serif">`,
    `<title id="${id}-titre">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-resume">${escapeXml(summary)}</desc>`,
    options.inlineStyle === false ? '' : `<style>${FRANCE_MAP_CSS}</style>`,
    `<defs>${noDataPattern(id, k)}</defs>`,
    `<g class="france-map__shapes" stroke="${SHAPE_STROKE}" stroke-width="${n(0.5 * k)}" stroke-linejoin="round">`,
    ...shapes.map((shape) => shapeSvg(shape, options, noDataFill)),
    '</g>',
    options.level === 'department' ? regionOutlines(shapes, options.geometryHref, k) : '',
    options.selected ? selectedOutline(options, shapes, k) : '',
    national ? insetFrames(k) : '',
    legend.svg,
    `<g class="france-map__notes" font-size="${n(font * 0.8)}" fill="#3a3a3a">${notes.join('')}</g>`,
    '</svg>',
  ].join('');
}

function shapeSvg(shape: Shape, options: FranceMapOptions, noDataFill: string): string {
  const entry = options.values.get(shape.code);
  const index = classIndex(options.scale, entry?.value ?? null);
  const fill = index === null ? noDataFill : classColour(options.scale, index);
  const title = `<title>${escapeXml(`${shape.name}${NBSP}: ${entry?.label ?? NO_DATA_LABEL}`)}</title>`;
  const data = `data-code="${escapeXml(shape.code)}"${index === null ? '' : ` data-value="${entry!.value}"`}`;
  const selected = options.selected === shape.code;
  const geometry = (inner: string): string =>
    options.geometryHref
      ? `<use href="${safeHref(`${options.geometryHref}#${shapeId(options.level, shape.code)}`)}" ${data} fill="${fill}"/>`
      : `<path ${data} fill="${fill}" d="${shape.d}">${inner}</path>`;
  if (entry?.href !== undefined) {
    return `<a href="${safeHref(entry.href)}" data-code="${escapeXml(shape.code)}"${selected ? ' aria-current="true"' : ''}>${title}${geometry('')}</a>`;
  }
  return options.geometryHref ? `<g data-code="${escapeXml(shape.code)}">${title}${geometry('')}</g>` : geometry(title);
}

/** Thicker lines between regions on a department map: the regions' own dissolved outlines. */
function regionOutlines(shapes: readonly Shape[], geometryHref: string | undefined, k: number): string {
  const regionCodes = new Set(shapes.map((s) => (s as Shape & { region?: string }).region));
  const outlines = REGION_SHAPES.filter((r) => regionCodes.has(r.code)).map((r) =>
    geometryHref ? `<use href="${safeHref(`${geometryHref}#${shapeId('region', r.code)}`)}"/>` : `<path d="${r.d}"/>`,
  );
  return `<g class="france-map__regions" fill="none" stroke="${REGION_STROKE}" stroke-width="${n(1.3 * k)}" stroke-linejoin="round" aria-hidden="true" pointer-events="none">${outlines.join('')}</g>`;
}

function selectedOutline(options: FranceMapOptions, shapes: readonly Shape[], k: number): string {
  const shape = shapes.find((s) => s.code === options.selected);
  if (!shape) return '';
  const geometry = options.geometryHref ? `<use href="${safeHref(`${options.geometryHref}#${shapeId(options.level, shape.code)}`)}"/>` : `<path d="${shape.d}"/>`;
  return `<g class="france-map__selected" fill="none" stroke="#000091" stroke-width="${n(2.4 * k)}" aria-hidden="true" pointer-events="none">${geometry}</g>`;
}

/** The boxes and names of the overseas insets (the shapes already carry their names for screen readers). */
function insetFrames(k: number): string {
  const frames = INSETS.map(
    (inset) =>
      `<rect x="${inset.box.x}" y="${inset.box.y}" width="${inset.box.width}" height="${inset.box.height}"/>` +
      `<text x="${n(inset.box.x + 4)}" y="${n(inset.box.y + 12)}" stroke="none" fill="#161616">${escapeXml(inset.name)}</text>`,
  );
  return `<g class="france-map__insets" fill="none" stroke="#929292" stroke-width="${n(0.8 * k)}" font-size="11" aria-hidden="true" pointer-events="none">${frames.join('')}</g>`;
}

/** Light grey with fine hatching: no figure never reads as the lowest class. */
function noDataPattern(id: string, k: number): string {
  const size = 4 * k;
  return (
    `<pattern id="${id}-sans-donnee" patternUnits="userSpaceOnUse" width="${n(size)}" height="${n(size)}" patternTransform="rotate(45)">` +
    `<rect width="${n(size)}" height="${n(size)}" fill="#f0f0f0"/>` +
    `<line x1="0" y1="0" x2="0" y2="${n(size)}" stroke="#a0a0a0" stroke-width="${n(size / 3)}"/>` +
    '</pattern>'
  );
}

function shapesToDraw(level: MapLevel, only: readonly string[] | undefined): readonly Shape[] {
  const all = shapesAt(level);
  if (only === undefined) return all;
  const unknown = only.filter((code) => !all.some((s) => s.code === code));
  if (unknown.length > 0) throw new Error(`No ${level} shape for ${unknown.join(', ')}`);
  if (only.length === 0) throw new Error('A map of nothing');
  return all.filter((s) => only.includes(s.code));
}

/** The shapes' box with a margin, widened if need be so a tall territory is not drawn too tall. */
function fitBox(box: Box): Box {
  const margin = Math.max(box.width, box.height) * 0.04;
  const height = box.height + 2 * margin;
  const width = Math.max(box.width + 2 * margin, height * 0.9);
  return { x: box.x - (width - box.width) / 2, y: box.y - margin, width, height };
}

function checkedId(id: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`Map id must be a plain identifier, got ${JSON.stringify(id)}`);
  return id;
}

function defaultSummary(level: MapLevel, count: number, national: boolean, scale: ColourScale, linked: boolean): string {
  const what = level === 'region' ? `${count} régions` : `${count} départements`;
  const where = national ? ", l'outre-mer en encarts" : '';
  const classes = legendEntries(scale).map((e) => e.label).join(', ');
  const links = linked ? ' Chaque territoire est un lien vers sa page.' : '';
  const coloured = level === 'region' ? 'colorées' : 'colorés';
  return `Carte de ${what}${where}, ${coloured} selon : ${scale.title} (${classes}). Le nom et le chiffre de chaque territoire sont lisibles au survol et dans le tableau.${links}`;
}
