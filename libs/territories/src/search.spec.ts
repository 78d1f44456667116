import type { OfficialCommuneRecord, OfficialData } from './official-data';
import { buildReferenceIndex } from './reference-index';
import { searchText } from './search-text';
import { Territories } from './territories';
import { TERRITORY_LEVELS, type Territory } from './territory';

/** Against the official 2026 geographic code and its La Poste postcodes. */
const territories = Territories.official();
const codes = (query: string, options = {}) => territories.search(query, options).map((r) => `${r.level}:${r.code}`);

describe('searching by name', () => {
  it('finds Saint-Étienne first for "saint-etienne", with where it lies in French', () => {
    const results = territories.search('saint-etienne');
    expect(results[0]).toEqual({
      level: 'commune',
      code: '42218',
      name: 'Saint-Étienne',
      context: 'Loire (42) · Auvergne-Rhône-Alpes',
    });
    expect(results[1]).toEqual({
      level: 'epci',
      code: '244200770',
      name: 'Saint-Étienne Métropole',
      context: 'Métropole · Loire (42) · Auvergne-Rhône-Alpes',
    });
    expect(results).toHaveLength(10);
  });

  it.each(['saint etienne', 'SAINT ÉTIENNE', 'Saint Etienne', 'st-étienne', '  saint--étienne  ', 'saint’etienne'])(
    'ignores accents, case, hyphens, apostrophes and abbreviations: %p',
    (query) => {
      expect(codes(query)).toEqual(codes('saint-etienne'));
    },
  );

  it('finds an apostrophed name without its apostrophes', () => {
    expect(codes('ile d yeu')[0]).toBe('commune:85113');
    expect(codes("L'Île-d'Yeu")[0]).toBe('commune:85113');
  });

  it('puts an exact name first, then names that start with the query, then names with a word that does', () => {
    expect(territories.search('brest').map((r) => r.name)).toEqual([
      'Brest', // exact
      'Brest Métropole', // prefix, more populous than Brestot
      'Brestot',
      'Esboz-Brest', // a later word
    ]);
  });

  it('orders matches of one kind by population, largest first', () => {
    const results = territories.search('saint', { limit: 20 }).map((r) => territories.territory(r.level, r.code)!.population);
    expect(results).toEqual([...results].sort((a, b) => b - a));
  });

  it('finds the Rhône department before the region and departments whose name holds it', () => {
    const results = territories.search('Rhône');
    expect(results[0]).toEqual({ level: 'department', code: '69', name: 'Rhône', context: 'Département (69) · Auvergne-Rhône-Alpes' });
    expect(results.slice(1, 3).map((r) => r.name)).toEqual(['Auvergne-Rhône-Alpes', 'Bouches-du-Rhône']);
    expect(results[1].context).toBe('Région');
  });

  it('finds an EPCI by a word of its name and says which departments and regions it spans', () => {
    expect(territories.search('grand avignon')).toEqual([
      {
        level: 'epci',
        code: '248400251',
        name: 'CA du Grand Avignon (COGA)',
        context: "Communauté d'agglomération · Gard (30), Vaucluse (84) · Occitanie, Provence-Alpes-Côte d'Azur",
      },
    ]);
  });

  it('does not repeat an overseas region named like its department', () => {
    expect(territories.search('guadeloupe', { levels: ['department'] })[0].context).toBe('Département (971)');
    expect(territories.search('saint martin', { levels: ['commune'] })[0]).toMatchObject({ code: '97801', context: 'Saint-Martin (978)' });
  });

  it('does not match inside a word', () => {
    expect(codes('brest')).not.toContain('commune:03001'); // Abrest
    expect(codes('ignon')).not.toContain('commune:84007'); // Avignon
  });
});

describe('the name index', () => {
  // A plain reading of every name, to check the sorted lists against.
  const everything: readonly Territory[] = TERRITORY_LEVELS.flatMap((level) => territories.all(level) as readonly Territory[]);
  const levelOrder = (t: Territory) => TERRITORY_LEVELS.indexOf(t.level);
  const naive = (query: string, limit: number): string[] => {
    const q = searchText(query);
    return everything
      .map((t) => {
        const name = searchText(t.name);
        const rank = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(` ${q}`) ? 2 : -1;
        return { t, rank };
      })
      .filter((m) => m.rank >= 0)
      .sort((a, b) => a.rank - b.rank || b.t.population - a.t.population || levelOrder(a.t) - levelOrder(b.t) || (a.t.code < b.t.code ? -1 : 1))
      .slice(0, limit)
      .map((m) => `${m.t.level}:${m.t.code}`);
  };

  it.each(['etienne', 'avignon', 'marne', 'loire', 'lac', 'mont', 'sur mer', 'de la', 'z', 'y', 'agglo', 'pays de', 'ile'])(
    'finds for %p what reading every name finds',
    (query) => {
      expect(codes(query, { limit: 100 })).toEqual(naive(query, 100));
    },
  );
});

describe('searching by code', () => {
  it('finds an EPCI by its SIREN', () => {
    expect(territories.search('200046977')).toEqual([
      { level: 'epci', code: '200046977', name: 'Métropole de Lyon', context: 'Métropole · Rhône (69) · Auvergne-Rhône-Alpes' },
    ]);
  });

  it('finds a department by its number, before the region with the same code', () => {
    expect(codes('75').slice(0, 2)).toEqual(['department:75', 'region:75']);
    expect(codes('2a')[0]).toBe('department:2A');
    expect(codes('2A004')).toEqual(['commune:2A004']);
  });

  it('follows a department number with its communes by postcode, most populous first', () => {
    expect(codes('69').slice(0, 3)).toEqual(['department:69', 'commune:69123', 'commune:69266']);
  });

  it('answers a postcode of an arrondissement with its commune, before the commune whose INSEE code it is', () => {
    expect(territories.search('69001')).toEqual([
      { level: 'commune', code: '69123', name: 'Lyon', context: 'Rhône (69) · Auvergne-Rhône-Alpes' },
      { level: 'commune', code: '69001', name: 'Affoux', context: 'Rhône (69) · Auvergne-Rhône-Alpes' },
    ]);
    expect(codes('75015')).toEqual(['commune:75056']);
    expect(codes('69 001')).toEqual(codes('69001'));
  });

  it('finds Brest by its postcode', () => {
    expect(codes('29200')).toEqual(['commune:29019']);
  });

  it('finds every commune a postcode serves', () => {
    const vitry = territories.search('51300', { limit: 100, levels: ['commune'] });
    const served = territories.all('commune').filter((c) => territories.postcodesOf(c.code).includes('51300'));
    expect(served).toHaveLength(46);
    expect(vitry.map((r) => r.code).sort()).toEqual([...served.map((c) => c.code), '51300'].sort()); // 51300 is also an INSEE code
  });

  it('completes a postcode being typed', () => {
    expect(codes('2920')[0]).toBe('commune:29019');
    expect(codes('6')).toEqual([]);
  });
});

describe('search options', () => {
  it('keeps to the levels asked for', () => {
    expect(territories.search('lyon', { levels: ['epci'] }).every((r) => r.level === 'epci')).toBe(true);
    expect(codes('lyon', { levels: ['epci'] })[0]).toBe('epci:200046977');
    expect(territories.search('lyon', { levels: [] })).toEqual([]);
  });

  it('gives ten results by default, as many as asked up to 100', () => {
    expect(territories.search('saint')).toHaveLength(10);
    expect(territories.search('saint', { limit: 3 })).toHaveLength(3);
    expect(territories.search('saint', { limit: 500 })).toHaveLength(100);
    expect(codes('saint', { limit: 3 })).toEqual(codes('saint').slice(0, 3));
  });

  it.each(['', '   ', '-', "'"])('finds nothing for the blank query %p', (query) => {
    expect(territories.search(query)).toEqual([]);
  });

  it('finds nothing for a limit below one or a query that is not a string', () => {
    expect(territories.search('lyon', { limit: 0 })).toEqual([]);
    expect(territories.search('lyon', { limit: Number.NaN })).toEqual([]);
    expect(territories.search(42 as unknown as string)).toEqual([]);
  });

  it('finds no arrondissement as such: they are inside their commune', () => {
    expect(territories.search('lyon 1er')).toEqual([]);
    expect(codes('69381')).toEqual(['commune:69123']);
  });
});

describe('postcodes of a commune', () => {
  it('gives an arrondissement its own and its commune all of them', () => {
    expect(territories.postcodesOf('69381')).toEqual(['69001']);
    expect(territories.postcodesOf('69123')).toEqual(['69001', '69002', '69003', '69004', '69005', '69006', '69007', '69008', '69009']);
    expect(territories.postcodesOf('29019')).toEqual(['29200']);
  });

  it('gives none to an unknown code or an uninhabited land', () => {
    expect(territories.postcodesOf('01039')).toEqual([]);
    expect(territories.postcodesOf('98411')).toEqual([]);
  });
});

describe('ranking, on a hand-made reference', () => {
  const commune = (code: string, nom: string, population: number): OfficialCommuneRecord => ({
    code,
    nom,
    population,
    type: 'commune-actuelle',
    departement: '971',
    region: '01',
    codesPostaux: ['97100'],
  });
  const data: OfficialData = {
    regions: [{ code: '01', nom: 'Guadeloupe' }],
    departments: [{ code: '971', nom: 'Guadeloupe', region: '01' }],
    communes: [
      commune('97101', 'Bourg', 100),
      commune('97102', 'Bourg-en-Bresse', 40_000),
      commune('97103', 'Le Bourg', 90_000),
      commune('97104', 'Bourgneuf', 500),
      commune('97105', 'Aubourg', 1_000_000),
      commune('97106', 'Bourgneuve', 500),
    ],
    epcis: [{ code: '200000001', nom: 'CA du Bassin de Bourg', type: 'CA', membres: [{ code: '97102' }, { code: '97105' }] }],
  };
  const small = new Territories(() => buildReferenceIndex(data)).warmUp({ search: true });

  it('puts the exact name first, then prefixes, then later words, each by population; never inside a word', () => {
    expect(small.search('bourg').map((r) => r.name)).toEqual([
      'Bourg',
      'Bourg-en-Bresse',
      'Bourgneuf', // ties with Bourgneuve on population: by code
      'Bourgneuve',
      'CA du Bassin de Bourg',
      'Le Bourg',
    ]);
  });

  it('breaks a tie of rank and population by level, region first', () => {
    expect(small.search('guadeloupe').map((r) => `${r.level}:${r.code}`)).toEqual(['region:01', 'department:971']);
  });

  it('orders the communes of a postcode by population', () => {
    expect(small.search('97100').map((r) => r.code)).toEqual(['97105', '97103', '97102', '97104', '97106', '97101']);
  });
});
