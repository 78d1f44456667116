import { readFileSync } from 'node:fs';
import { COLLECTIVITIES_NOT_DRAWN, DEPARTMENT_SHAPES, departmentCodesOf, INSETS, MAP_FRAME, REGION_SHAPES } from './geometry';
import { parsePathRings } from './path-data';
import { containsBox, pathBounds, unionBoxes } from './path-bounds';

type Official = { code: string; nom: string; region: string; zone?: string };
const officialDepartments = JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/departements.json'), 'utf8')) as Official[];
const officialRegions = JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/regions.json'), 'utf8')) as Official[];

describe('the generated geometry', () => {
  it('has a shape for every metropolitan department of the official code, Corsica as 2A and 2B', () => {
    const metropolitan = officialDepartments.filter((d) => d.zone === 'metro').map((d) => d.code);
    expect(metropolitan).toHaveLength(96);
    expect(DEPARTMENT_SHAPES.filter((d) => !d.code.startsWith('97')).map((d) => d.code)).toEqual(metropolitan);
    expect(metropolitan).toEqual(expect.arrayContaining(['2A', '2B']));
  });

  it('has the five overseas departments, and none of the collectivities', () => {
    expect(DEPARTMENT_SHAPES.filter((d) => d.code.startsWith('97')).map((d) => d.code)).toEqual(['971', '972', '973', '974', '976']);
    const drawn = new Set(DEPARTMENT_SHAPES.map((d) => d.code));
    expect(COLLECTIVITIES_NOT_DRAWN.filter((c) => drawn.has(c.code))).toEqual([]);
  });

  it('names and places every department as the official code does', () => {
    const official = new Map(officialDepartments.map((d) => [d.code, d]));
    for (const shape of DEPARTMENT_SHAPES) {
      expect({ code: shape.code, name: shape.name, region: shape.region }).toEqual({
        code: shape.code,
        name: official.get(shape.code)!.nom,
        region: official.get(shape.code)!.region,
      });
    }
  });

  it('has the 13 metropolitan and 5 overseas regions, named officially', () => {
    const names = new Map(officialRegions.map((r) => [r.code, r.nom]));
    expect(REGION_SHAPES.map((r) => r.code)).toEqual(['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94']);
    for (const region of REGION_SHAPES) expect(region.name).toBe(names.get(region.code));
    expect(departmentCodesOf('84')).toHaveLength(12);
    expect(departmentCodesOf('94')).toEqual(['2A', '2B']);
  });

  it('stores bounds that are the bounds of the path data, all inside the frame', () => {
    for (const shape of [...DEPARTMENT_SHAPES, ...REGION_SHAPES]) {
      const bounds = pathBounds(shape.d);
      expect(bounds.x).toBeCloseTo(shape.bounds.x, 5);
      expect(bounds.y).toBeCloseTo(shape.bounds.y, 5);
      expect(bounds.width).toBeCloseTo(shape.bounds.width, 5);
      expect(bounds.height).toBeCloseTo(shape.bounds.height, 5);
      expect(containsBox(MAP_FRAME, bounds)).toBe(true);
    }
  });

  it('writes paths with straight lines and numbers only', () => {
    for (const shape of [...DEPARTMENT_SHAPES, ...REGION_SHAPES]) expect(shape.d).toMatch(/^m[mlhvz\d. -]+z$/);
  });

  it('dissolves a region into an outline spanning exactly its departments', () => {
    for (const region of REGION_SHAPES) {
      const departments = DEPARTMENT_SHAPES.filter((d) => d.region === region.code);
      const union = unionBoxes(departments.map((d) => d.bounds));
      for (const side of ['x', 'y', 'width', 'height'] as const) expect(region.bounds[side]).toBeCloseTo(union[side], 5);
      // Borders inside the region are gone: the outline has fewer points than its departments.
      const points = (d: string): number => parsePathRings(d).reduce((n, r) => n + r.length, 0);
      if (departments.length > 1) expect(points(region.d)).toBeLessThan(departments.reduce((n, d) => n + points(d.d), 0));
    }
  });

  it('puts each overseas department in its own inset box, in a row under metropolitan France', () => {
    const metropolitan = unionBoxes(DEPARTMENT_SHAPES.filter((d) => !d.code.startsWith('97')).map((d) => d.bounds));
    expect(INSETS.map((i) => i.name)).toEqual(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
    INSETS.forEach((inset, i) => {
      const shape = DEPARTMENT_SHAPES.find((d) => d.code === inset.department)!;
      expect(containsBox(inset.box, shape.bounds)).toBe(true);
      expect(inset.box.y).toBeGreaterThan(metropolitan.y + metropolitan.height);
      if (i > 0) expect(inset.box.x).toBeGreaterThan(INSETS[i - 1].box.x + INSETS[i - 1].box.width);
    });
  });
});
