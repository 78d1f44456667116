import { parseCommuneCode, parseSiret, parseUuid, parseWholeNumber } from './cells';

describe('cells', () => {
  it('keeps commune codes on 5 characters, leading zeros put back when a spreadsheet dropped them', () => {
    expect(parseCommuneCode('69123')).toEqual({ ok: true, value: '69123' });
    expect(parseCommuneCode('01004')).toEqual({ ok: true, value: '01004' });
    expect(parseCommuneCode('1004')).toEqual({ ok: true, value: '01004' });
    expect(parseCommuneCode('1004.0')).toEqual({ ok: true, value: '01004' });
    expect(parseCommuneCode('2a004')).toEqual({ ok: true, value: '2A004' });
    expect(parseCommuneCode('690')).toMatchObject({ ok: false });
    expect(parseCommuneCode('Lyon')).toMatchObject({ ok: false, message: expect.stringContaining('pas le code postal') });
  });

  it('reads whole numbers as typed or as a spreadsheet gives them, within bounds', () => {
    expect(parseWholeNumber('12', 1, 100)).toEqual({ ok: true, value: 12 });
    expect(parseWholeNumber('12.0', 1, 100)).toEqual({ ok: true, value: 12 });
    expect(parseWholeNumber('1 000', 1, 100_000)).toEqual({ ok: true, value: 1000 });
    expect(parseWholeNumber('12,5', 1, 100)).toMatchObject({ ok: false });
    expect(parseWholeNumber('0', 1, 100)).toMatchObject({ ok: false, message: expect.stringContaining('entre 1 et 100') });
    expect(parseWholeNumber('douze', 1, 100)).toMatchObject({ ok: false });
  });

  it('reads SIRET numbers with their spaces, and UUIDs', () => {
    expect(parseSiret('216 901 231 00011')).toEqual({ ok: true, value: '21690123100011' });
    expect(parseSiret('2169012310001')).toMatchObject({ ok: false });
    expect(parseUuid(' 3F2B8C1E-5D4A-4B7E-9C1F-2A6D8E0B4C7A ')).toEqual({ ok: true, value: '3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a' });
    expect(parseUuid('CAFE-1')).toMatchObject({ ok: false });
  });
});
