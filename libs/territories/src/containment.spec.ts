import { Territories } from './territories';
import type { TerritoryLevel } from './territory';

/** Against the official 2026 geographic code. */
const territories = Territories.official();
const ref = (level: TerritoryLevel, code: string) => ({ level, code });
const inside = (outer: [TerritoryLevel, string], inner: [TerritoryLevel, string]) =>
  territories.territoryContains(ref(...outer), ref(...inner));

describe('one territory inside another', () => {
  it('follows region ⊃ department ⊃ commune', () => {
    expect(inside(['region', '84'], ['department', '69'])).toBe(true);
    expect(inside(['region', '84'], ['commune', '69123'])).toBe(true);
    expect(inside(['department', '69'], ['commune', '69123'])).toBe(true);
    expect(inside(['region', '11'], ['department', '69'])).toBe(false);
    expect(inside(['department', '13'], ['commune', '69123'])).toBe(false);
  });

  it('reads an arrondissement as its commune', () => {
    expect(inside(['department', '69'], ['commune', '69381'])).toBe(true);
    expect(inside(['commune', '69123'], ['commune', '69381'])).toBe(true);
    expect(inside(['commune', '69382'], ['commune', '69381'])).toBe(true);
    expect(inside(['epci', '200046977'], ['commune', '69389'])).toBe(true);
  });

  it('holds a territory inside itself', () => {
    expect(inside(['region', '84'], ['region', '84'])).toBe(true);
    expect(inside(['epci', '200046977'], ['epci', '200046977'])).toBe(true);
    expect(inside(['epci', '200046977'], ['epci', '200054781'])).toBe(false);
  });

  it('puts an EPCI inside a department or a region only when all its communes are there', () => {
    expect(inside(['department', '69'], ['epci', '200046977'])).toBe(true); // Métropole de Lyon
    expect(inside(['region', '84'], ['epci', '200046977'])).toBe(true);
    // Aix-Marseille-Provence has communes in the Var and the Vaucluse too, all in one region.
    expect(inside(['department', '13'], ['epci', '200054807'])).toBe(false);
    expect(inside(['region', '93'], ['epci', '200054807'])).toBe(true);
    // The CC d'Aire-sur-l'Adour straddles the Landes and the Gers, so two regions.
    expect(inside(['department', '40'], ['epci', '200030435'])).toBe(false);
    expect(inside(['region', '75'], ['epci', '200030435'])).toBe(false);
    expect(inside(['region', '76'], ['epci', '200030435'])).toBe(false);
  });

  it('puts a department inside an EPCI when all its communes are (Hauts-de-Seine in the Grand Paris)', () => {
    expect(inside(['epci', '200054781'], ['department', '92'])).toBe(true);
    expect(inside(['epci', '200054781'], ['department', '75'])).toBe(true);
    expect(inside(['epci', '200054781'], ['department', '91'])).toBe(false); // Essonne is only partly in it
    expect(inside(['epci', '200054781'], ['region', '11'])).toBe(false);
  });

  it('never puts a larger territory inside a smaller one elsewhere', () => {
    expect(inside(['commune', '69123'], ['department', '69'])).toBe(false);
    expect(inside(['commune', '69123'], ['epci', '200046977'])).toBe(false);
    expect(inside(['department', '69'], ['region', '84'])).toBe(false);
    expect(inside(['epci', '200046977'], ['department', '69'])).toBe(false);
  });

  it('puts territories inside each other where they cover the same communes', () => {
    // Guadeloupe is a region with a single department.
    expect(inside(['department', '971'], ['region', '01'])).toBe(true);
    // Saint-Barthélemy is a region, a department and a single commune.
    expect(inside(['commune', '97701'], ['department', '977'])).toBe(true);
    expect(inside(['commune', '97701'], ['region', '977'])).toBe(true);
  });

  it('holds nothing unknown and is held by nothing when unknown', () => {
    expect(inside(['region', '84'], ['commune', '01039'])).toBe(false);
    expect(inside(['region', '999'], ['commune', '69123'])).toBe(false);
    expect(inside(['epci', '123'], ['commune', '69123'])).toBe(false);
    expect(inside(['department', '69'], ['epci', '123'])).toBe(false);
    expect(territories.territoryContains({ level: 'nation' as TerritoryLevel, code: 'FR' }, ref('commune', '69123'))).toBe(false);
    expect(territories.territoryContains(ref('region', '84'), null as never)).toBe(false);
  });
});
