import { Territories } from '@cafeia/territories';
import { communeName, readCommune } from './commune-input';

describe('the commune of a café as typed in its form', () => {
  const territories = Territories.official();

  it('is the structure’s when nothing is typed', () => {
    expect(readCommune(territories, '  ')).toEqual({ kind: 'default' });
  });

  it('takes an INSEE code, an arrondissement, a postcode of one commune, or a name that only one commune has', () => {
    expect(readCommune(territories, '35238')).toEqual({ kind: 'found', code: '35238' });
    expect(readCommune(territories, '2a004')).toEqual({ kind: 'found', code: '2A004' });
    expect(readCommune(territories, '75111')).toEqual({ kind: 'found', code: '75111' });
    expect(readCommune(territories, '35000')).toEqual({ kind: 'found', code: '35238' });
    expect(readCommune(territories, 'rennes')).toEqual({ kind: 'found', code: '35238' });
  });

  it('offers the communes to choose from when several match', () => {
    // 69001 is Affoux's INSEE code and a postcode of Lyon
    const code = readCommune(territories, '69001');
    expect(code.kind === 'ambiguous' && code.candidates.map((c) => c.code)).toEqual(['69001', '69123']);
    const namesakes = readCommune(territories, 'Saint-Martin');
    expect(namesakes.kind).toBe('ambiguous');
    expect(namesakes.kind === 'ambiguous' && namesakes.candidates.every((c) => c.name === 'Saint-Martin')).toBe(true);
    expect(namesakes.kind === 'ambiguous' && namesakes.message).toContain('choisissez');
  });

  it('says so in French when nothing matches', () => {
    expect(readCommune(territories, 'Nulle-Part-sur-Mer')).toEqual({ kind: 'unknown', message: expect.stringContaining('Aucune commune ne s’appelle « Nulle-Part-sur-Mer »') });
    expect(readCommune(territories, '99999')).toEqual({ kind: 'unknown', message: 'Aucune commune n’a le code ou le code postal 99999.' });
  });

  it('names a commune or an arrondissement by its code', () => {
    expect(communeName(territories, '35238')).toBe('Rennes');
    expect(communeName(territories, '75111')).toMatch(/^Paris 11e/);
    expect(communeName(territories, '00000')).toBeNull();
  });
});
