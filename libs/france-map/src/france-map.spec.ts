import { PROGRESS_SCALE } from './colour-scale';
import { franceMap, type MapValue } from './france-map';
import { reachLabel } from './french-format';
import { departmentCodesOf, INSETS, MAP_FRAME } from './geometry';
import { containsBox, pathBounds, unionBoxes, type Box } from './path-bounds';
import { childNamed, descendants, readSvg, type SvgElement } from './testing/svg-document';

const METROPOLITAN_REGIONS = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];
const OVERSEAS_REGIONS = ['01', '02', '03', '04', '06'];

function value(people: number, target: number, href?: string): MapValue {
  return { value: people / target, label: reachLabel(people, target), href };
}

function shapesOf(svg: SvgElement): SvgElement[] {
  const group = descendants(svg, 'g').find((g) => g.attributes.class === 'france-map__shapes')!;
  return descendants(group, 'path');
}

function viewBoxOf(svg: SvgElement): Box {
  const [x, y, width, height] = svg.attributes.viewBox.split(' ').map(Number);
  return { x, y, width, height };
}

/** The `<title>` read for a territory: the link's when linked, else the path's own. */
function titleOf(path: SvgElement): string | undefined {
  const holder = path.parent?.name === 'a' ? path.parent : path;
  return childNamed(holder, 'title')?.text;
}

describe('franceMap', () => {
  const regions = new Map<string, MapValue>([
    ['53', value(12_345, 293_939, '/territoires/region/53')],
    ['84', value(150_000, 250_000, '/territoires/region/84')],
    ['94', { value: null, label: 'aucun café déclaré' }],
  ]);

  it('draws the 13 metropolitan and 5 overseas regions, one path each with its code', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions' }));
    const codes = shapesOf(svg).map((p) => p.attributes['data-code']);
    expect(codes.sort()).toEqual([...OVERSEAS_REGIONS, ...METROPOLITAN_REGIONS].sort());
  });

  it('names each shape with its figure in French, thousands split by a narrow no-break space', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions' }));
    const bretagne = shapesOf(svg).find((p) => p.attributes['data-code'] === '53')!;
    expect(titleOf(bretagne)).toBe("Bretagne\u00a0: 12\u202f345 personnes touchées, 4,2\u00a0% de l'objectif");
  });

  it('says "aucune donnée" for a territory the values leave out, and gives it the no-data fill', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions' }));
    const normandie = shapesOf(svg).find((p) => p.attributes['data-code'] === '28')!;
    expect(titleOf(normandie)).toBe('Normandie\u00a0: aucune donnée');
    expect(normandie.attributes.fill).toBe('url(#carte-france-sans-donnee)');
    expect(normandie.attributes['data-value']).toBeUndefined();
    const corse = shapesOf(svg).find((p) => p.attributes['data-code'] === '94')!;
    expect(titleOf(corse)).toBe('Corse\u00a0: aucun café déclaré');
    expect(corse.attributes.fill).toBe('url(#carte-france-sans-donnee)');
  });

  it('fills a shape by its class on the scale and keeps the raw value', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions' }));
    const byCode = new Map(shapesOf(svg).map((p) => [p.attributes['data-code'], p]));
    // 4.2 % is in the lowest class, 60 % in the third of five.
    expect(byCode.get('53')!.attributes.fill).toBe('#eff3ff');
    expect(byCode.get('84')!.attributes.fill).toBe('#6baed6');
    expect(byCode.get('84')!.attributes['data-value']).toBe('0.6');
  });

  it('links a territory that has an href, so it can be reached with the keyboard', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions' }));
    const links = descendants(svg, 'a');
    expect(links.map((a) => a.attributes.href)).toEqual(['/territoires/region/53', '/territoires/region/84']);
    expect(links.map((a) => childNamed(a, 'path')?.attributes['data-code'])).toEqual(['53', '84']);
  });

  it('is a labelled group when it holds links, and a labelled image when it does not', () => {
    const linked = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Personnes touchées par région' }));
    expect(linked.attributes.role).toBe('group');
    expect(linked.attributes['aria-labelledby']).toBe('carte-france-titre');
    expect(linked.attributes['aria-describedby']).toBe('carte-france-resume');
    expect(childNamed(linked, 'title')).toMatchObject({ attributes: { id: 'carte-france-titre' }, text: 'Personnes touchées par région' });
    expect(childNamed(linked, 'desc')!.text).toContain('18 régions');

    const plain = readSvg(franceMap({ level: 'region', values: new Map([['53', { value: 0.5, label: 'la moitié' }]]), scale: PROGRESS_SCALE, title: 'Carte', id: 'autre' }));
    expect(plain.attributes.role).toBe('img');
    expect(plain.attributes['aria-labelledby']).toBe('autre-titre');
    expect(descendants(plain, 'a')).toHaveLength(0);
  });

  it('draws a legend with every class and "aucune donnée"', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions' }));
    const legend = descendants(svg, 'g').find((g) => g.attributes.class === 'france-map__legend')!;
    expect(descendants(legend, 'text').map((t) => t.text)).toEqual([
      "Légende : Part de l'objectif atteinte",
      'moins de 25\u00a0%',
      'de 25\u00a0% à 50\u00a0%',
      'de 50\u00a0% à 75\u00a0%',
      'de 75\u00a0% à 100\u00a0%',
      '100\u00a0% et plus',
      'aucune donnée',
    ]);
    expect(descendants(legend, 'rect').map((r) => r.attributes.fill)).toEqual(['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c', 'url(#carte-france-sans-donnee)']);
  });

  it('boxes and names the five overseas insets, and says what is left off, with the attribution', () => {
    const svg = readSvg(franceMap({ level: 'department', values: new Map(), scale: PROGRESS_SCALE, title: 'Départements' }));
    const insets = descendants(svg, 'g').find((g) => g.attributes.class === 'france-map__insets')!;
    expect(descendants(insets, 'text').map((t) => t.text)).toEqual(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
    const frames = descendants(insets, 'rect');
    const overseas = shapesOf(svg).filter((p) => p.attributes['data-code'] >= '971');
    expect(overseas.map((p) => p.attributes['data-code'])).toEqual(['971', '972', '973', '974', '976']);
    overseas.forEach((path, i) => {
      const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((a) => Number(frames[i].attributes[a]));
      expect(containsBox({ x, y, width, height }, pathBounds(path.attributes.d))).toBe(true);
    });
    const notes = descendants(svg, 'g').find((g) => g.attributes.class === 'france-map__notes')!;
    expect(notes.children.map((t) => t.text).join(' ')).toMatch(/Collectivités d'outre-mer : voir le tableau.*CC BY 4\.0.*DINUM \(MIT\)/);
  });

  it('draws every metropolitan department, Corsica as 2A and 2B, and the five overseas ones', () => {
    const svg = readSvg(franceMap({ level: 'department', values: new Map(), scale: PROGRESS_SCALE, title: 'Départements' }));
    const codes = shapesOf(svg).map((p) => p.attributes['data-code']);
    expect(codes).toHaveLength(101);
    expect(codes).toEqual(expect.arrayContaining(['01', '2A', '2B', '75', '95', '971', '972', '973', '974', '976']));
    expect(codes).not.toContain('20');
    expect(codes).not.toContain('975');
  });

  it('outlines the regions over a department map', () => {
    const svg = readSvg(franceMap({ level: 'department', values: new Map(), scale: PROGRESS_SCALE, title: 'Départements' }));
    const outlines = descendants(svg, 'g').find((g) => g.attributes.class === 'france-map__regions')!;
    expect(outlines.attributes['aria-hidden']).toBe('true');
    expect(outlines.attributes.fill).toBe('none');
    expect(descendants(outlines, 'path')).toHaveLength(18);
  });

  it('keeps the whole of France and its insets inside the view', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions' }));
    const view = viewBoxOf(svg);
    expect(containsBox(view, unionBoxes(shapesOf(svg).map((p) => pathBounds(p.attributes.d))))).toBe(true);
    expect(containsBox(view, MAP_FRAME)).toBe(true);
    for (const inset of INSETS) expect(containsBox(view, inset.box)).toBe(true);
  });

  describe('only a region\'s departments', () => {
    const only = departmentCodesOf('84');
    const svg = readSvg(franceMap({ level: 'department', values: new Map(), scale: PROGRESS_SCALE, title: 'Auvergne-Rhône-Alpes', only, selected: '69' }));

    it('draws Auvergne-Rhône-Alpes\'s 12 departments and nothing else', () => {
      expect(shapesOf(svg).map((p) => p.attributes['data-code'])).toEqual(['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74']);
      expect(descendants(svg, 'g').find((g) => g.attributes.class === 'france-map__insets')).toBeUndefined();
    });

    it('zooms to a view that holds them all and is far smaller than France', () => {
      const view = viewBoxOf(svg);
      const drawn = unionBoxes(shapesOf(svg).map((p) => pathBounds(p.attributes.d)));
      expect(containsBox(view, drawn)).toBe(true);
      expect(view.width).toBeLessThan(MAP_FRAME.width / 2);
      // The margin stays small: the shapes fill most of the width.
      expect(drawn.width / view.width).toBeGreaterThan(0.85);
    });

    it('outlines the selected department on top', () => {
      const selected = descendants(svg, 'g').find((g) => g.attributes.class === 'france-map__selected')!;
      const rhone = shapesOf(svg).find((p) => p.attributes['data-code'] === '69')!;
      expect(childNamed(selected, 'path')!.attributes.d).toBe(rhone.attributes.d);
    });
  });

  it('marks the selected territory\'s link as current', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions', selected: '84' }));
    const current = descendants(svg, 'a').filter((a) => a.attributes['aria-current'] === 'true');
    expect(current.map((a) => a.attributes['data-code'])).toEqual(['84']);
  });

  it('escapes names, labels, titles and links', () => {
    const markup = franceMap({
      level: 'region',
      values: new Map([['53', { value: 0.1, label: '<script>alert("x")</script> & co', href: '/t?a=1&b="2"' }]]),
      scale: PROGRESS_SCALE,
      title: 'Carte <b>"évidente"</b> & \'sûre\'',
      summary: '</desc><script>',
    });
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<b>');
    const svg = readSvg(markup);
    expect(childNamed(svg, 'title')!.text).toBe('Carte <b>"évidente"</b> & \'sûre\'');
    expect(childNamed(svg, 'desc')!.text).toBe('</desc><script>');
    const link = descendants(svg, 'a')[0];
    expect(link.attributes.href).toBe('/t?a=1&b="2"');
    expect(childNamed(link, 'title')!.text).toBe('Bretagne\u00a0: <script>alert("x")</script> & co');
  });

  it('refuses a link that is not a site path or http(s), and an id that is not plain', () => {
    const values = new Map([['53', { value: 0.1, label: 'x', href: 'javascript:alert(1)' }]]);
    expect(() => franceMap({ level: 'region', values, scale: PROGRESS_SCALE, title: 'Carte' })).toThrow(/refused/);
    expect(() => franceMap({ level: 'region', values: new Map(), scale: PROGRESS_SCALE, title: 'Carte', id: 'x" onload="y' })).toThrow(/identifier/);
  });

  it('refuses to draw codes it has no shape for', () => {
    expect(() => franceMap({ level: 'department', values: new Map(), scale: PROGRESS_SCALE, title: 'Carte', only: ['975'] })).toThrow(/975/);
    expect(() => franceMap({ level: 'region', values: new Map(), scale: PROGRESS_SCALE, title: 'Carte', only: ['69'] })).toThrow(/69/);
  });

  it('points at the geometry asset instead of inlining paths when given its URL', () => {
    const markup = franceMap({ level: 'department', values: new Map([['29', value(10, 100, '/t/29')]]), scale: PROGRESS_SCALE, title: 'Carte', geometryHref: '/assets/carte-france.svg' });
    const svg = readSvg(markup);
    const uses = descendants(svg, 'use');
    const finistere = uses.find((u) => u.attributes['data-code'] === '29')!;
    expect(finistere.attributes.href).toBe('/assets/carte-france.svg#d-29');
    expect(finistere.parent!.name).toBe('a');
    expect(uses.filter((u) => u.attributes['data-code'] !== undefined)).toHaveLength(101);
    expect(uses.filter((u) => u.attributes.href.includes('#r-'))).toHaveLength(18);
    expect(descendants(svg, 'path')).toHaveLength(0);
    expect(markup.length).toBeLessThan(30_000);
  });

  it('leaves its focus rules out when the page has them in its stylesheet', () => {
    const svg = readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions', inlineStyle: false }));
    expect(childNamed(svg, 'style')).toBeUndefined();
    expect(childNamed(readSvg(franceMap({ level: 'region', values: regions, scale: PROGRESS_SCALE, title: 'Régions' })), 'style')!.text).toContain(':focus-visible');
  });
});
