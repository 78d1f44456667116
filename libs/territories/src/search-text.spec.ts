import { codeQuery, searchText } from './search-text';

describe('the search form of a name or a query', () => {
  it.each([
    ['Saint-Étienne', 'saint etienne'],
    ['ST ETIENNE', 'saint etienne'],
    ['Ste-Foy-lès-Lyon', 'sainte foy les lyon'],
    ["L'Île-d'Yeu", 'l ile d yeu'],
    ['L’Île-d’Yeu', 'l ile d yeu'],
    ['Cœuvres-et-Valsery', 'coeuvres et valsery'],
    ['ÆSOPE', 'aesope'],
    ['CC Faucigny - Glières', 'cc faucigny glieres'],
    ['  Çà et là  ', 'ca et la'],
    ['Bastia', 'bastia'],
    ['Saint-Martin-de-Ré', 'saint martin de re'],
    ['', ''],
  ])('writes %p as %p', (text, expected) => {
    expect(searchText(text)).toBe(expected);
  });

  it('expands st and ste only as whole words', () => {
    expect(searchText('Stenay')).toBe('stenay');
    expect(searchText('Bast')).toBe('bast');
    expect(searchText('Ste')).toBe('sainte');
  });
});

describe('a query that names a code', () => {
  it.each([
    ['69001', '69001'],
    ['69 001', '69001'],
    ['2a', '2A'],
    ['2B033', '2B033'],
    ['200046977', '200046977'],
  ])('reads %p as the code %p', (query, code) => {
    expect(codeQuery(query)).toBe(code);
  });

  it.each(['Brest', '1234567890', '2C', '2A00455', 'A69', ''])('does not read %p as a code', (query) => {
    expect(codeQuery(query)).toBeNull();
  });
});
