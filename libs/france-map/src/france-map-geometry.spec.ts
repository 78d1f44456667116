import { franceMapGeometry } from './france-map-geometry';
import { DEPARTMENT_SHAPES, REGION_SHAPES } from './geometry';
import { descendants, readSvg } from './testing/svg-document';

describe('the geometry asset', () => {
  const markup = franceMapGeometry();
  const svg = readSvg(markup);

  it('holds every region and department outline under its id, without colours', () => {
    const paths = descendants(svg, 'path');
    expect(paths.map((p) => p.attributes.id)).toEqual([...REGION_SHAPES.map((r) => `r-${r.code}`), ...DEPARTMENT_SHAPES.map((d) => `d-${d.code}`)]);
    expect(paths.every((p) => p.attributes.fill === undefined && p.attributes.stroke === undefined)).toBe(true);
  });

  it('carries the attribution and stays a small cached asset', () => {
    expect(descendants(svg, 'desc')[0].text).toContain('CC BY 4.0');
    expect(markup.length).toBeLessThan(150_000);
  });
});
