import { TERRITORY_LEVELS, Territories } from '@cafeia/territories';
import { COMMUNE_CODE } from '../http/dto-validators';
import { TERRITORY_KEY } from '../http/read-queries';

const territories = Territories.official();

describe('the shapes the document gives territory codes', () => {
  it('fit every commune and arrondissement of the official geographic code', () => {
    const codes = territories.all('commune').flatMap((c) => [c.code, ...territories.arrondissementsOf(c.code).map((a) => a.code)]);
    expect(codes.length).toBeGreaterThan(34_000);
    expect(codes.filter((code) => !COMMUNE_CODE.test(code))).toEqual([]);
  });

  it('fit every territory a filter accepts, and nothing of another shape', () => {
    const keys = TERRITORY_LEVELS.flatMap((level) => territories.all(level).map((t) => `${level}:${t.code}`));
    expect(keys.filter((key) => !TERRITORY_KEY.test(key))).toEqual([]);
    expect(keys).toContain('epci:200046977');
    for (const other of ['region:84 ', 'Region:84', 'epci:20004697', 'region', 'commune:6912', 'department:2C']) expect(TERRITORY_KEY.test(other)).toBe(false);
  });
});
