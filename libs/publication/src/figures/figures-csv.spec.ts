import { parse } from 'csv-parse/sync';
import { openDataPackage, ETALAB_LICENCE } from './data-package';
import { figuresCsv } from './figures-csv';
import { suppressFigures } from './suppress';
import type { TerritoryFigures } from './territory-figures';

const base = { cafesHeld: 4, structuresActive: 2 };
const rows: TerritoryFigures[] = [
  { code: 'region:84', name: 'Auvergne-Rhône-Alpes', level: 'region', partOf: [], peopleReached: 60, attendances: 75, anonymousAttendees: 12, ...base },
  { code: 'department:69', name: 'Rhône', level: 'department', partOf: ['region:84'], peopleReached: 52, attendances: 60, anonymousAttendees: 7, ...base },
  { code: 'department:01', name: 'Ain', level: 'department', partOf: ['region:84'], peopleReached: 8, attendances: 15, anonymousAttendees: 5, ...base },
];
const monthly: TerritoryFigures[] = rows.map((row) => ({ ...row, month: '2026-05' }));

/** checks every cell of a CSV against the Table Schema of its resource, as a validator would */
function conforms(csv: string, resource: ReturnType<typeof openDataPackage>['resources'][number]): string[] {
  const schema = resource.schema as { fields: { name: string; type: string; constraints?: Record<string, unknown> }[]; missingValues: string[] };
  const [header, ...lines] = parse(csv) as string[][];
  const problems: string[] = [];
  if (JSON.stringify(header) !== JSON.stringify(schema.fields.map((f) => f.name))) problems.push(`header ${header}`);
  for (const line of lines) {
    schema.fields.forEach((field, i) => {
      const value = line[i];
      const c = field.constraints ?? {};
      if (schema.missingValues.includes(value)) {
        if (c.required) problems.push(`${field.name} missing`);
        return;
      }
      if (field.type === 'integer' && !/^-?\d+$/.test(value)) problems.push(`${field.name} ${value} not an integer`);
      if (field.type === 'yearmonth' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) problems.push(`${field.name} ${value} not a month`);
      if (typeof c.minimum === 'number' && Number(value) < c.minimum) problems.push(`${field.name} ${value} below ${c.minimum}`);
      if (typeof c.pattern === 'string' && !new RegExp(c.pattern).test(value)) problems.push(`${field.name} ${value} off pattern`);
      if (Array.isArray(c.enum) && !c.enum.includes(value)) problems.push(`${field.name} ${value} not allowed`);
    });
  }
  return problems;
}

describe('figures as open-data files', () => {
  const pkg = openDataPackage({ minCell: 11, baseUrl: 'https://cafeia.example.fr/public/v1/', updated: '2026-06-01T00:00:00Z' });

  it('writes a hidden count as an empty cell and names it', () => {
    const csv = figuresCsv(suppressFigures(rows));
    expect(parse(csv)).toEqual([
      ['code', 'name', 'level', 'peopleReached', 'attendances', 'anonymousAttendees', 'cafesHeld', 'structuresActive', 'suppressed'],
      ['region:84', 'Auvergne-Rhône-Alpes', 'region', '60', '75', '12', '4', '2', ''],
      // the Rhône's 52 people would give back the Ain's 8 (60 − 52): hidden with it
      ['department:69', 'Rhône', 'department', '', '60', '', '4', '2', 'peopleReached|anonymousAttendees'],
      ['department:01', 'Ain', 'department', '', '15', '', '4', '2', 'peopleReached|anonymousAttendees'],
    ]);
  });

  it('gives the monthly file its month column', () => {
    const [header, first] = parse(figuresCsv(suppressFigures(monthly))) as string[][];
    expect(header.slice(0, 4)).toEqual(['code', 'name', 'level', 'month']);
    expect(first[3]).toBe('2026-05');
  });

  it('will not mix all-time and monthly rows in one file', () => {
    expect(() => figuresCsv(suppressFigures([...rows, ...monthly]))).toThrow(/either/);
  });

  it('describes both files so that they validate against their own schemas', () => {
    const [allTime, perMonth] = pkg.resources;
    expect(conforms(figuresCsv(suppressFigures(rows)), allTime)).toEqual([]);
    expect(conforms(figuresCsv(suppressFigures(monthly)), perMonth)).toEqual([]);
  });

  it('is a tabular data package under the Licence Ouverte 2.0, in French, with the files where they are served', () => {
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.licenses).toEqual([ETALAB_LICENCE]);
    expect(pkg.licenses[0].name).toBe('etalab-2.0');
    expect(pkg.resources.map((r) => r.path)).toEqual([
      'https://cafeia.example.fr/public/v1/figures.csv',
      'https://cafeia.example.fr/public/v1/figures-mensuelles.csv',
    ]);
    for (const resource of pkg.resources) {
      expect(resource).toMatchObject({ format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\r\n', header: true } });
      const schema = resource.schema as { fields: { description: string }[]; missingValues: string[] };
      expect(schema.missingValues).toEqual(['']);
      expect(schema.fields.every((f) => f.description.length > 0)).toBe(true);
    }
    expect(pkg.description).toContain('inférieur à 11');
  });

  it('adds the mediation places and subventions files, pointing at their national schemas, when asked', () => {
    const withSchemas = openDataPackage({ withOpenSchemas: true });
    expect(withSchemas.resources.map((r) => [r.name, r.path, typeof r.schema === 'string' ? r.schema : 'inline'])).toEqual([
      ['figures', 'figures.csv', 'inline'],
      ['figures-mensuelles', 'figures-mensuelles.csv', 'inline'],
      ['lieux-mediation-numerique', 'lieux-mediation-numerique.csv', 'https://schema.data.gouv.fr/schemas/LaMednum/standard-mediation-num/1.0.1/schema.json'],
      ['subventions', 'subventions.csv', 'https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.1/schema.json'],
    ]);
  });
});
