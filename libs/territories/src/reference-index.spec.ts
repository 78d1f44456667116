import type { OfficialCommuneRecord, OfficialData } from './official-data';
import { buildReferenceIndex } from './reference-index';
import { Territories } from './territories';

/** A hand-made reference: one region, one department, a city with two arrondissements. */
const commune = (record: Partial<OfficialCommuneRecord> & Pick<OfficialCommuneRecord, 'code' | 'nom'>): OfficialCommuneRecord => ({
  type: 'commune-actuelle',
  departement: '69',
  region: '84',
  ...record,
});

const reference = (communes: OfficialCommuneRecord[]): OfficialData => ({
  regions: [{ code: '84', nom: 'Auvergne-Rhône-Alpes' }],
  departments: [{ code: '69', nom: 'Rhône', region: '84' }],
  communes,
});

const city: OfficialCommuneRecord[] = [
  commune({ code: '69123', nom: 'Lyon', population: 300 }),
  commune({ code: '69381', nom: 'Lyon 1er', type: 'arrondissement-municipal', commune: '69123', population: 100 }),
  commune({ code: '69382', nom: 'Lyon 2e', type: 'arrondissement-municipal', commune: '69123', population: 200 }),
  commune({ code: '69001', nom: 'Village', population: 50 }),
  commune({ code: '69001', nom: 'Ancien village', type: 'commune-deleguee' }),
  commune({ code: '69002', nom: 'Hameau', type: 'commune-associee' }),
  commune({ code: '69003', nom: 'Désert' }),
];

describe('building the reference index', () => {
  it('counts current communes only, an absent population as 0', () => {
    const territories = new Territories(() => buildReferenceIndex(reference(city)));
    expect(territories.nationalPopulation()).toBe(350);
    expect(territories.population('department', '69')).toBe(350);
    expect(territories.population('commune', '69003')).toBe(0);
    expect(territories.communesOf('69').map((c) => c.code)).toEqual(['69001', '69003', '69123']);
  });

  it('keeps the current commune when a delegated one shares its code, and ignores associated ones', () => {
    const territories = new Territories(() => buildReferenceIndex(reference(city)));
    expect(territories.resolveCommune('69001')?.name).toBe('Village');
    expect(territories.resolveCommune('69002')).toBeNull();
  });

  it('refuses an arrondissement whose commune is not current', () => {
    const orphan = commune({ code: '69381', nom: 'Lyon 1er', type: 'arrondissement-municipal', commune: '69999' });
    expect(() => buildReferenceIndex(reference([orphan]))).toThrow('arrondissement 69381');
  });

  it('refuses an arrondissement that belongs to another arrondissement', () => {
    const nested = commune({ code: '69383', nom: 'Lyon 3e', type: 'arrondissement-municipal', commune: '69381' });
    expect(() => buildReferenceIndex(reference([...city, nested]))).toThrow('arrondissement 69383');
  });

  it('refuses a commune whose region is not its department’s', () => {
    const misplaced = commune({ code: '69004', nom: 'Ailleurs', region: '11' });
    expect(() => buildReferenceIndex(reference([misplaced]))).toThrow('commune 69004');
  });

  it('refuses a current commune listed twice', () => {
    expect(() => buildReferenceIndex(reference([...city, commune({ code: '69001', nom: 'Doublon' })]))).toThrow(
      'commune 69001',
    );
  });
});

describe('loading', () => {
  it('loads nothing until first asked, then only once', () => {
    let loads = 0;
    const territories = new Territories(() => {
      loads += 1;
      return buildReferenceIndex(reference(city));
    });
    expect(loads).toBe(0);
    territories.resolveCommune('69123');
    territories.keysOf('69381');
    territories.all('region');
    expect(loads).toBe(1);
  });

  it('hands out frozen records, so one caller cannot corrupt another’s lookups', () => {
    const territories = new Territories(() => buildReferenceIndex(reference(city)));
    expect(Object.isFrozen(territories.resolveCommune('69381'))).toBe(true);
    expect(Object.isFrozen(territories.keysOf('69381'))).toBe(true);
    expect(Object.isFrozen(territories.communesOf('69'))).toBe(true);
    expect(Object.isFrozen(territories.all('commune'))).toBe(true);
  });
});

describe('building the EPCI level', () => {
  const epci = (code: string, members: string[], type = 'CC') => ({ code, nom: `CC ${code}`, type, membres: members.map((m) => ({ code: m })) });
  const withEpcis = (epcis: ReturnType<typeof epci>[]): OfficialData => ({ ...reference(city), epcis });

  it('counts a commune toward its EPCI, an arrondissement through its commune, a commune in none without one', () => {
    const territories = new Territories(() => buildReferenceIndex(withEpcis([epci('200000001', ['69123', '69001'])])));
    expect(territories.keysOf('69382')).toEqual(['commune:69123', 'department:69', 'region:84', 'epci:200000001']);
    expect(territories.keysOf('69003')).toEqual(['commune:69003', 'department:69', 'region:84']);
    expect(territories.epci('200000001')).toMatchObject({ population: 350, departmentCodes: ['69'], regionCodes: ['84'] });
  });

  it('has no EPCI at all when the dataset has none', () => {
    const territories = new Territories(() => buildReferenceIndex(reference(city)));
    expect(territories.all('epci')).toEqual([]);
    expect(territories.keysOf('69123')).toEqual(['commune:69123', 'department:69', 'region:84']);
  });

  it('refuses a member that is not a current commune', () => {
    expect(() => buildReferenceIndex(withEpcis([epci('200000001', ['69002'])]))).toThrow('epci 200000001: member 69002');
    expect(() => buildReferenceIndex(withEpcis([epci('200000001', ['69381'])]))).toThrow('epci 200000001: member 69381');
  });

  it('refuses a commune in two EPCIs, an EPCI listed twice or without communes, an unknown kind', () => {
    expect(() => buildReferenceIndex(withEpcis([epci('200000001', ['69123']), epci('200000002', ['69123'])]))).toThrow(
      'commune 69123 already in epci 200000001',
    );
    expect(() => buildReferenceIndex(withEpcis([epci('200000001', ['69123']), epci('200000001', ['69001'])]))).toThrow(
      'listed twice',
    );
    expect(() => buildReferenceIndex(withEpcis([epci('200000001', [])]))).toThrow('no member');
    expect(() => buildReferenceIndex(withEpcis([epci('200000001', ['69123'], 'SIVOM')]))).toThrow('unknown kind SIVOM');
  });

  it('hands out frozen EPCIs and lists', () => {
    const territories = new Territories(() => buildReferenceIndex(withEpcis([epci('200000001', ['69123'])])));
    expect(Object.isFrozen(territories.epci('200000001'))).toBe(true);
    expect(Object.isFrozen(territories.epci('200000001')?.departmentCodes)).toBe(true);
    expect(Object.isFrozen(territories.communesOfEpci('200000001'))).toBe(true);
    expect(Object.isFrozen(territories.epcisOf('69'))).toBe(true);
    expect(Object.isFrozen(territories.postcodesOf('69123'))).toBe(true);
  });
});

describe('building the postcodes', () => {
  it('keeps a current commune’s and an arrondissement’s postcodes, sorted and without repeats', () => {
    const communes = [
      commune({ code: '69123', nom: 'Lyon', codesPostaux: ['69002', '69001', '69001'] }),
      commune({ code: '69381', nom: 'Lyon 1er', type: 'arrondissement-municipal', commune: '69123', codesPostaux: ['69001'] }),
      commune({ code: '69001', nom: 'Village', codesPostaux: ['69590'] }),
      commune({ code: '69001', nom: 'Ancien village', type: 'commune-deleguee', codesPostaux: ['69999'] }),
    ];
    const territories = new Territories(() => buildReferenceIndex(reference(communes)));
    expect(territories.postcodesOf('69123')).toEqual(['69001', '69002']);
    expect(territories.postcodesOf('69381')).toEqual(['69001']);
    expect(territories.postcodesOf('69001')).toEqual(['69590']);
  });
});
