import { readWalkIns } from './walk-ins';

describe('the walk-ins of an attendance sheet', () => {
  it('reads one person per line: an email or a phone, and a name after a comma', () => {
    const reading = readWalkIns('camille@example.org, Camille Dupont\n\n06 12 34 56 78\r\n  +33 6 98 76 54 32 ,  Lou  ');
    expect(reading).toEqual({
      walkIns: [
        { line: 1, email: 'camille@example.org', name: 'Camille Dupont' },
        { line: 3, phone: '06 12 34 56 78' },
        { line: 4, phone: '+33 6 98 76 54 32', name: 'Lou' },
      ],
      errors: [],
    });
  });

  it('names each wrong line, in French', () => {
    const reading = readWalkIns('ok@example.org\nnot-an-email@\n0123\n, Sans contact');
    expect(reading.walkIns).toEqual([{ line: 1, email: 'ok@example.org' }]);
    expect(reading.errors).toEqual([
      'Ligne 2 : adresse électronique invalide.',
      'Ligne 3 : numéro de téléphone invalide (ni une adresse électronique).',
      'Ligne 4 : indiquez une adresse électronique ou un numéro de téléphone avant la virgule.',
    ]);
  });

  it('reads nothing from an empty text area', () => {
    expect(readWalkIns('  \n\n')).toEqual({ walkIns: [], errors: [] });
  });
});
