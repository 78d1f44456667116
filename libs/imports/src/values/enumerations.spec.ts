import { parseBoolean, parseStructureKind, parseTrainingStatus } from './enumerations';

describe('enumerations in a cell', () => {
  it.each([
    ['media_library', 'media_library'],
    ['Médiathèque', 'media_library'],
    ['MEDIATHEQUE', 'media_library'],
    ['bibliothèque', 'library'],
    ['École', 'school'],
    ['collège', 'school'],
    ['centre social', 'social_centre'],
    ['Centre socioculturel', 'social_centre'],
    ['mairie', 'town_hall'],
    ['tiers-lieu', 'third_place'],
    ['Tiers lieu', 'third_place'],
    ['association', 'association'],
    ['entreprise', 'company'],
    ['Université', 'university'],
    ['autre', 'other'],
    ['social_centre', 'social_centre'],
  ])('structure kind %s is %s', (text, kind) => {
    expect(parseStructureKind(text)).toEqual({ ok: true, value: kind });
  });

  it('refuses an unknown structure kind, listing the accepted ones', () => {
    const result = parseStructureKind('piscine');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('médiathèque, bibliothèque');
  });

  it.each([
    ['enrolled', 'enrolled'],
    ['inscrit', 'enrolled'],
    ['Inscrite', 'enrolled'],
    ['en formation', 'enrolled'],
    ['completed', 'completed'],
    ['formé', 'completed'],
    ['Formée', 'completed'],
    ['terminé', 'completed'],
    ['dropped', 'dropped'],
    ['abandon', 'dropped'],
    ['abandonné', 'dropped'],
  ])('training status %s is %s', (text, status) => {
    expect(parseTrainingStatus(text)).toEqual({ ok: true, value: status });
  });

  it.each([
    ['true', true],
    ['oui', true],
    ['OUI', true],
    ['1', true],
    ['vrai', true],
    ['x', true],
    ['false', false],
    ['non', false],
    ['0', false],
    ['Faux', false],
  ])('boolean %s is %s', (text, value) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value });
  });

  it('refuses a boolean it cannot read', () => {
    expect(parseBoolean('peut-être').ok).toBe(false);
  });
});
