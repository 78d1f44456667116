import { parse } from 'csv-parse/sync';
import { toCsv } from './open-data-csv';

describe('open-data CSV', () => {
  const csv = toCsv(
    ['nom', 'valeur', 'publié'],
    [
      ['Saint-Étienne, centre', 12, true],
      ['La "Fabrique"', null, false],
      ['=HYPERLINK("http://x")', -3, null],
      ['Ligne\r\nsuivante', 0.45, undefined],
    ],
  );

  it('is UTF-8 text with a header, commas and CRLF after every line, without a byte-order mark', () => {
    expect(csv.startsWith('nom,valeur,publié\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.replace(/"[^"]*"/g, '').split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
  });

  it('reads back cell for cell with a real CSV parser', () => {
    expect(parse(csv)).toEqual([
      ['nom', 'valeur', 'publié'],
      ['Saint-Étienne, centre', '12', 'true'],
      ['La "Fabrique"', '', 'false'],
      ['\'=HYPERLINK("http://x")', '-3', ''],
      ['Ligne\r\nsuivante', '0.45', ''],
    ]);
  });

  it('keeps text that starts like a formula from running, and leaves negative numbers alone', () => {
    const [, , , injected] = parse(csv);
    expect(injected[0].startsWith("'=")).toBe(true);
    expect(injected[1]).toBe('-3');
  });

  it('adds a byte-order mark when asked, for Excel', () => {
    expect(toCsv(['a'], [], { bom: true })).toBe('\uFEFFa\r\n');
  });

  it('refuses a number that is not finite', () => {
    expect(() => toCsv(['a'], [[NaN]])).toThrow(/not a number/);
  });
});
