import { Territories } from './territories';

/** Against the official 2026 EPCI list shipped by @etalab/decoupage-administratif 6.0.0 (epci.json). */
const territories = Territories.official();

const LYON = '200046977';
const GRAND_PARIS = '200054781';
const AIX_MARSEILLE = '200054807';
const AIRE_SUR_ADOUR = '200030435'; // CC d'Aire-sur-l'Adour: Landes (40, Nouvelle-Aquitaine) and Gers (32, Occitanie)

describe('the EPCI level', () => {
  it('holds the 1,255 EPCIs of the official list, sorted by SIREN, of five kinds', () => {
    const epcis = territories.all('epci');
    expect(epcis).toHaveLength(1_255);
    expect(epcis.map((e) => e.code)).toEqual([...epcis.map((e) => e.code)].sort());
    const kinds: Record<string, number> = {};
    for (const e of epcis) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    expect(kinds).toEqual({ CC: 989, CA: 230, CU: 14, METRO: 21, MET69: 1 });
  });

  it('describes the Métropole de Lyon by its SIREN', () => {
    expect(territories.epci(LYON)).toEqual({
      level: 'epci',
      code: LYON,
      name: 'Métropole de Lyon',
      population: 1_436_354,
      kind: 'MET69',
      departmentCodes: ['69'],
      regionCodes: ['84'],
    });
    expect(territories.territory('epci', LYON)).toBe(territories.epci(LYON));
    expect(territories.communesOfEpci(LYON)).toHaveLength(58);
  });

  it('sums an EPCI from its communes’ populations, not from the list’s own figures of another year', () => {
    const communes = territories.communesOfEpci(LYON).reduce((sum, c) => sum + c.population, 0);
    expect(territories.population('epci', LYON)).toBe(communes);
    // epci.json itself says 1,433,613 for the Métropole de Lyon.
    expect(communes).not.toBe(1_433_613);
  });

  it('counts every inhabitant once: the EPCIs plus the communes in none make the nation', () => {
    const inEpcis = territories.all('epci').reduce((sum, e) => sum + e.population, 0);
    const outside = territories
      .all('commune')
      .filter((c) => territories.epciOf(c.code) === null)
      .reduce((sum, c) => sum + c.population, 0);
    expect(inEpcis).toBe(68_344_363);
    expect(outside).toBe(608_578);
    expect(inEpcis + outside).toBe(territories.nationalPopulation());
  });

  it('lists an EPCI’s current communes in code order, every one of them pointing back at it', () => {
    const communes = territories.communesOfEpci(LYON);
    expect(communes.map((c) => c.code)).toEqual([...communes.map((c) => c.code)].sort());
    expect(communes.some((c) => c.code === '69123')).toBe(true);
    expect(communes.some((c) => c.code === '69381')).toBe(false);
    expect(communes.every((c) => territories.epciOf(c.code)?.code === LYON)).toBe(true);
  });

  it('knows nothing of an unknown SIREN', () => {
    for (const code of ['', '123', '20004697', '2000469770', '69123', '216901231']) {
      expect(territories.epci(code)).toBeNull();
      expect(territories.communesOfEpci(code)).toEqual([]);
      expect(territories.departmentsOfEpci(code)).toEqual([]);
      expect(territories.regionsOfEpci(code)).toEqual([]);
    }
  });
});

describe('the EPCI of a commune', () => {
  it('puts Lyon and its nine arrondissements in the Métropole de Lyon', () => {
    const codes = ['69123', ...Array.from({ length: 9 }, (_, i) => String(69381 + i))];
    for (const code of codes) expect(territories.epciOf(code)?.code).toBe(LYON);
  });

  it('puts Paris and its arrondissements in the Métropole du Grand Paris', () => {
    expect(territories.epciOf('75056')?.name).toBe('Métropole du Grand Paris');
    expect(territories.epciOf('75112')?.code).toBe(GRAND_PARIS);
  });

  it('puts Marseille and its arrondissements in Aix-Marseille-Provence', () => {
    expect(territories.epciOf('13055')?.name).toBe("Métropole d'Aix-Marseille-Provence");
    expect(territories.epciOf('13201')?.code).toBe(AIX_MARSEILLE);
  });

  it.each([
    ['22016', 'Île-de-Bréhat'],
    ['29083', 'Île-de-Sein'],
    ['29155', 'Ouessant'],
    ['85113', "L'Île-d'Yeu"],
  ])('leaves the island commune %s (%s) in no EPCI', (code, name) => {
    expect(territories.commune(code)?.name).toBe(name);
    expect(territories.epciOf(code)).toBeNull();
  });

  it('leaves 98 communes in no EPCI: the four islands and the overseas collectivities', () => {
    const byDepartment: Record<string, number> = {};
    for (const c of territories.all('commune')) {
      if (territories.epciOf(c.code) === null) byDepartment[c.parent!.code] = (byDepartment[c.parent!.code] ?? 0) + 1;
    }
    expect(byDepartment).toEqual({
      '22': 1,
      '29': 2,
      '85': 1,
      '975': 2,
      '977': 1,
      '978': 1,
      '984': 5,
      '986': 3,
      '987': 48,
      '988': 33,
      '989': 1,
    });
  });

  it('answers null for an unknown or former commune', () => {
    for (const code of ['', '99999', '01039', '69']) expect(territories.epciOf(code)).toBeNull();
  });
});

describe('an EPCI across departments and regions', () => {
  it('lists every department and region the CC d’Aire-sur-l’Adour has communes in', () => {
    expect(territories.departmentsOfEpci(AIRE_SUR_ADOUR).map((d) => d.name)).toEqual(['Gers', 'Landes']);
    expect(territories.regionsOfEpci(AIRE_SUR_ADOUR).map((r) => r.name)).toEqual(['Nouvelle-Aquitaine', 'Occitanie']);
  });

  it('lists it among the EPCIs of both departments', () => {
    expect(territories.epcisOf('40').map((e) => e.code)).toContain(AIRE_SUR_ADOUR);
    expect(territories.epcisOf('32').map((e) => e.code)).toContain(AIRE_SUR_ADOUR);
  });

  it('spreads the Métropole du Grand Paris over six departments of one region', () => {
    expect(territories.epci(GRAND_PARIS)).toMatchObject({ departmentCodes: ['75', '91', '92', '93', '94', '95'], regionCodes: ['11'] });
  });

  it('has 89 EPCIs over several departments and 26 over two regions', () => {
    expect(territories.all('epci').filter((e) => e.departmentCodes.length > 1)).toHaveLength(89);
    expect(territories.all('epci').filter((e) => e.regionCodes.length > 1)).toHaveLength(26);
  });
});

describe('the EPCIs of a department', () => {
  it('are those with at least one commune there, sorted by SIREN', () => {
    const rhone = territories.epcisOf('69');
    expect(rhone.map((e) => e.code)).toEqual([...rhone.map((e) => e.code)].sort());
    expect(rhone.map((e) => e.code)).toContain(LYON);
    for (const epci of rhone) expect(territories.communesOfEpci(epci.code).some((c) => c.parent?.code === '69')).toBe(true);
  });

  it('cover every commune of the department that has an EPCI', () => {
    const listed = new Set(territories.epcisOf('29').map((e) => e.code));
    const fromCommunes = new Set(
      territories
        .communesOf('29')
        .map((c) => territories.epciOf(c.code)?.code)
        .filter((code) => code !== undefined),
    );
    expect(listed).toEqual(fromCommunes);
  });

  it('are none for an overseas collectivity without EPCIs, nor for an unknown department', () => {
    expect(territories.epcisOf('987')).toEqual([]);
    expect(territories.epcisOf('99')).toEqual([]);
  });
});

describe('EPCIs as territories', () => {
  it('parses `epci:` with a known SIREN only', () => {
    expect(territories.parseTerritory(`epci:${LYON}`)).toEqual({ level: 'epci', code: LYON });
    for (const input of ['epci:', 'epci:123', 'epci:69123', `Epci:${LYON}`, `epci:${LYON} `]) {
      expect(territories.parseTerritory(input)).toBeNull();
    }
  });

  it('contains its communes and their arrondissements, and nothing else', () => {
    const lyon = { level: 'epci', code: LYON } as const;
    expect(territories.contains(lyon, '69123')).toBe(true);
    expect(territories.contains(lyon, '69385')).toBe(true);
    expect(territories.contains(lyon, '69266')).toBe(true); // Villeurbanne
    expect(territories.contains(lyon, '13055')).toBe(false);
    expect(territories.contains(lyon, '01039')).toBe(false);
    expect(territories.contains({ level: 'epci', code: '123' }, '69123')).toBe(false);
  });

  it('gets its share of the national target by population', () => {
    // 1,000,000 × 1,436,354 ÷ 68,952,941 = 20,830.93
    expect(territories.apportion(1_000_000, 'epci', LYON)).toBe(20_831);
    expect(territories.apportion(1_000_000, 'epci', '123')).toBeNull();
  });

  it('names every level in French, accents kept', () => {
    expect(territories.name('region', '84')).toBe('Auvergne-Rhône-Alpes');
    expect(territories.name('department', '69')).toBe('Rhône');
    expect(territories.name('epci', LYON)).toBe('Métropole de Lyon');
    expect(territories.name('commune', '69381')).toBe('Lyon');
    expect(territories.name('region', '999')).toBeNull();
  });
});
