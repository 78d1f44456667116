import { Territories } from './territories';

/** Against the official 2026 geographic code shipped by @etalab/decoupage-administratif 6.0.0. */
const territories = Territories.official();

describe('the official reference', () => {
  it('holds 34,969 current communes, 45 municipal arrondissements, 101 + 8 departments and 26 regions', () => {
    expect(territories.all('commune')).toHaveLength(34_969);
    const arrondissements = ['75056', '69123', '13055'].flatMap((c) => territories.arrondissementsOf(c));
    expect(arrondissements).toHaveLength(45);
    expect(territories.all('department')).toHaveLength(109);
    expect(territories.all('region')).toHaveLength(26);
  });

  it('counts 68,952,941 people, arrondissements not counted on top of their commune', () => {
    expect(territories.nationalPopulation()).toBe(68_952_941);
    const sum = (level: 'region' | 'department' | 'commune') =>
      territories.all(level).reduce((total, t) => total + t.population, 0);
    expect(sum('region')).toBe(68_952_941);
    expect(sum('department')).toBe(68_952_941);
    expect(sum('commune')).toBe(68_952_941);
  });

  it('keeps the official names with their accents', () => {
    expect(territories.region('84')?.name).toBe('Auvergne-Rhône-Alpes');
    expect(territories.region('11')?.name).toBe('Île-de-France');
    expect(territories.department('69')?.name).toBe('Rhône');
  });

  it('lists every territory of a level in code order, for rankings', () => {
    const codes = territories.all('region').map((r) => r.code);
    expect(codes.slice(0, 6)).toEqual(['01', '02', '03', '04', '06', '11']);
    expect(codes.at(-1)).toBe('989');
  });
});

describe('resolving a commune code', () => {
  it('places Lyon in the Rhône and Auvergne-Rhône-Alpes', () => {
    expect(territories.resolveCommune('69123')).toEqual({
      code: '69123',
      name: 'Lyon',
      departmentCode: '69',
      regionCode: '84',
      population: 519_127,
    });
  });

  it('counts an arrondissement toward its commune and keeps the code that was given', () => {
    expect(territories.resolveCommune('69381')).toEqual({
      code: '69123',
      name: 'Lyon',
      departmentCode: '69',
      regionCode: '84',
      population: 519_127,
      arrondissementOf: '69381',
      arrondissement: { code: '69381', name: 'Lyon 1er Arrondissement', population: 28_717 },
    });
  });

  it('refuses a delegated or associated commune that is no longer current', () => {
    expect(territories.resolveCommune('01039')).toBeNull(); // Béon, delegated in Champagne-en-Valromey
    expect(territories.resolveCommune('01120')).toBeNull(); // Cordieux, associated with Montluel
  });

  it('answers with the current commune when a delegated commune shares its code', () => {
    // 01015 is both the current Arboys en Bugey and its delegated commune Arbignieu.
    expect(territories.resolveCommune('01015')?.name).toBe('Arboys en Bugey');
  });

  it.each(['', '6912', '691230', ' 69123', 'abcde', '2a004', '69123\n', 'constructor', '__proto__'])(
    'refuses the malformed code %p',
    (code) => {
      expect(territories.resolveCommune(code)).toBeNull();
      expect(territories.keysOf(code)).toEqual([]);
    },
  );
});

describe('Paris, Lyon and Marseille', () => {
  it('treats 75056 and its twenty arrondissements 75101–75120 as Paris', () => {
    const arrondissements = territories.arrondissementsOf('75056').map((a) => a.code);
    expect(arrondissements).toEqual(Array.from({ length: 20 }, (_, i) => String(75101 + i)));
    for (const code of ['75056', ...arrondissements]) expect(territories.isParis(code)).toBe(true);
  });

  it('does not treat other communes, nor unknown codes, as Paris', () => {
    for (const code of ['69123', '69381', '13201', '92012', '75121', '75100', '']) {
      expect(territories.isParis(code)).toBe(false);
    }
  });

  it('has arrondissements whose populations add up to their commune', () => {
    for (const code of ['75056', '69123', '13055']) {
      const total = territories.arrondissementsOf(code).reduce((sum, a) => sum + a.population, 0);
      expect(total).toBe(territories.commune(code)?.population);
    }
  });
});

describe('territories at each level', () => {
  it('gives Corsica its two departments 2A and 2B', () => {
    expect(territories.departmentsOf('94').map((d) => [d.code, d.name])).toEqual([
      ['2A', 'Corse-du-Sud'],
      ['2B', 'Haute-Corse'],
    ]);
    expect(territories.resolveCommune('2A004')).toMatchObject({ name: 'Ajaccio', departmentCode: '2A', regionCode: '94' });
    expect(territories.keysOf('2B033')).toEqual(['commune:2B033', 'department:2B', 'region:94', 'epci:242000354']);
  });

  it('places an overseas department in its own region (Guadeloupe: department 971, region 01)', () => {
    expect(territories.department('971')).toEqual({
      level: 'department',
      code: '971',
      name: 'Guadeloupe',
      population: territories.region('01')?.population,
      parent: { level: 'region', code: '01' },
    });
    expect(territories.keysOf('97105')).toEqual(['commune:97105', 'department:971', 'region:01', 'epci:249710070']);
  });

  it('resolves an overseas collectivity as a region and a department with the same code', () => {
    expect(territories.region('978')).toEqual({ level: 'region', code: '978', name: 'Saint-Martin', population: 31_160 });
    expect(territories.department('978')?.parent).toEqual({ level: 'region', code: '978' });
    expect(territories.keysOf('97801')).toEqual(['commune:97801', 'department:978', 'region:978']);
    expect(territories.communesOf('975').map((c) => c.name)).toEqual(['Miquelon-Langlade', 'Saint-Pierre']);
    expect(territories.parseTerritory('region:975')).toEqual({ level: 'region', code: '975' });
  });

  it('gives an uninhabited commune a population of 0 rather than none', () => {
    expect(territories.commune('98901')).toMatchObject({ name: 'Île de Clipperton', population: 0 });
  });

  it('keeps department and region codes apart although some are spelled alike', () => {
    expect(territories.department('75')?.name).toBe('Paris');
    expect(territories.region('75')?.name).toBe('Nouvelle-Aquitaine');
  });

  it('lists the current communes of a department, without arrondissements', () => {
    const lyonDepartment = territories.communesOf('69');
    expect(lyonDepartment.some((c) => c.code === '69123')).toBe(true);
    expect(lyonDepartment.some((c) => c.code === '69381')).toBe(false);
    expect(lyonDepartment.every((c) => c.parent?.code === '69')).toBe(true);
    expect(territories.communesOf('99')).toEqual([]);
    expect(territories.departmentsOf('69')).toEqual([]);
  });

  it('sums a region from its communes', () => {
    const communesOfRegion = territories
      .departmentsOf('84')
      .flatMap((d) => territories.communesOf(d.code))
      .reduce((sum, c) => sum + c.population, 0);
    expect(territories.population('region', '84')).toBe(communesOfRegion);
    expect(territories.population('region', '999')).toBeNull();
  });

  it('answers a commune given as an arrondissement code with its commune', () => {
    expect(territories.commune('13201')?.code).toBe('13055');
    expect(territories.population('commune', '13201')).toBe(886_040);
  });
});

describe('parsing a territory', () => {
  it.each([
    ['region:84', { level: 'region', code: '84' }],
    ['department:69', { level: 'department', code: '69' }],
    ['department:2A', { level: 'department', code: '2A' }],
    ['commune:69123', { level: 'commune', code: '69123' }],
    ['commune:69381', { level: 'commune', code: '69123' }],
  ])('reads %p', (input, expected) => {
    expect(territories.parseTerritory(input)).toEqual(expected);
  });

  it.each([
    'region:',
    'foo:84',
    'region:999',
    'commune:abc',
    '',
    '84',
    ':84',
    'region',
    'Region:84',
    'region: 84',
    'region:84 ',
    'region:84:1',
    'department:84000',
    'commune:69',
    'region:69123',
    'commune:01039',
    'department:2a',
  ])('rejects %p', (input) => {
    expect(territories.parseTerritory(input)).toBeNull();
  });

  it('rejects a value that is not a string', () => {
    expect(territories.parseTerritory(84 as unknown as string)).toBeNull();
  });
});

describe('what a café counts toward', () => {
  it('counts a café in Lyon toward Lyon, the Rhône, Auvergne-Rhône-Alpes and the Métropole de Lyon', () => {
    expect(territories.keysOf('69123')).toEqual(['commune:69123', 'department:69', 'region:84', 'epci:200046977']);
  });

  it('counts a café in an arrondissement toward its commune and its commune’s EPCI', () => {
    expect(territories.keysOf('69381')).toEqual(['commune:69123', 'department:69', 'region:84', 'epci:200046977']);
    expect(territories.keysOf('75112')).toEqual(['commune:75056', 'department:75', 'region:11', 'epci:200054781']);
  });

  it('counts a café in a commune in no EPCI toward its commune, department and region only', () => {
    expect(territories.keysOf('29155')).toEqual(['commune:29155', 'department:29', 'region:53']); // Ouessant
  });

  it('says which territories contain a commune or an arrondissement', () => {
    expect(territories.contains({ level: 'region', code: '84' }, '69381')).toBe(true);
    expect(territories.contains({ level: 'department', code: '69' }, '69123')).toBe(true);
    expect(territories.contains({ level: 'commune', code: '69123' }, '69381')).toBe(true);
    expect(territories.contains({ level: 'commune', code: '75101' }, '75120')).toBe(true);
    expect(territories.contains({ level: 'region', code: '11' }, '69123')).toBe(false);
    expect(territories.contains({ level: 'department', code: '13' }, '69381')).toBe(false);
    expect(territories.contains({ level: 'commune', code: '69123' }, '13201')).toBe(false);
    expect(territories.contains({ level: 'region', code: '84' }, '01039')).toBe(false);
    expect(territories.contains({ level: 'commune', code: '01039' }, '01138')).toBe(false);
  });

  it('agrees with keysOf and epciOf for every commune', () => {
    const disagreeing = territories.all('commune').filter((commune) => {
      const keys = territories.keysOf(commune.code);
      const expected = territories.epciOf(commune.code) ? 4 : 3;
      return keys.length !== expected || !keys.every((key) => territories.contains(territories.parseTerritory(key)!, commune.code));
    });
    expect(disagreeing).toEqual([]);
  });
});

describe('apportioning the national target', () => {
  const target = 1_000_000;

  // Populations summed independently from the raw JSON: Île-de-France 12,463,067 (18.07%),
  // Auvergne-Rhône-Alpes 8,205,557 (11.90%).
  it('gives each region its share by population, rounded to whole people', () => {
    expect(territories.population('region', '11')).toBe(12_463_067);
    expect(territories.apportion(target, 'region', '11')).toBe(180_747); // 180,747.43
    expect(territories.population('region', '84')).toBe(8_205_557);
    expect(territories.apportion(target, 'region', '84')).toBe(119_002); // 119,002.28
    expect(territories.apportion(target, 'commune', '69381')).toBe(territories.apportion(target, 'commune', '69123'));
  });

  it('gives nothing to an uninhabited place and no answer for an unknown one', () => {
    expect(territories.apportion(target, 'commune', '98901')).toBe(0);
    expect(territories.apportion(target, 'region', '999')).toBeNull();
  });

  it.each(['region', 'department'] as const)('adds up over every %s to within rounding of the target', (level) => {
    const all = territories.all(level);
    const total = all.reduce((sum, t) => sum + territories.apportion(target, level, t.code)!, 0);
    expect(Math.abs(total - target)).toBeLessThanOrEqual(all.length / 2);
    expect(Math.abs(total - target)).toBeLessThan(target * 0.0001);
  });
});
