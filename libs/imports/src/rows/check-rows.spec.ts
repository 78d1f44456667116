import { importedId } from '../ids/imported-id';
import type { RawRow } from '../reading/open-table';
import { checkAnimatorRow } from './check-animator';
import { checkAttendanceRow } from './check-attendance';
import { checkCafeRow } from './check-cafe';
import { checkStructureRow } from './check-structure';

const context = { importerKey: 'organizer-1', isKnownCommune: (code: string) => code !== '99999' };
const raw = (cells: Record<string, string>, issues: RawRow['issues'] = []): RawRow => ({ line: 7, cells, issues });

describe('a structures row', () => {
  it('becomes a typed structure with its derived id', () => {
    expect(checkStructureRow(raw({ ref: 'S-1', name: ' Médiathèque ', kind: 'médiathèque', commune_code: '1004', siret: '' }), context)).toEqual({
      ok: true,
      row: { kind: 'structures', line: 7, ref: 'S-1', id: importedId('structures', 'S-1', 'organizer-1'), name: 'Médiathèque', structureKind: 'media_library', communeCode: '01004', siret: null },
    });
  });

  it('reports every problem of the row at once, with its line and field', () => {
    const result = checkStructureRow(raw({ ref: '', name: 'X', kind: 'piscine', commune_code: '99999', siret: '123' }), context);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.line, e.field])).toEqual([
      [7, 'ref'],
      [7, 'kind'],
      [7, 'commune_code'],
      [7, 'siret'],
    ]);
  });
});

describe('an animators row', () => {
  it('resolves structure_ref to the id that structure got from the same importer', () => {
    const result = checkAnimatorRow(raw({ ref: 'A-1', display_name: 'Camille D.', commune_code: '69123', structure_ref: 'S-1', training_status: 'formé', capable: 'oui', listed: '' }), context);
    expect(result).toMatchObject({ ok: true, row: { structureId: importedId('structures', 'S-1', 'organizer-1'), training: { status: 'completed', capable: true }, listed: null } });
  });

  it('takes structure_id as given, and refuses both at once', () => {
    const id = '3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a';
    expect(checkAnimatorRow(raw({ ref: 'A-1', display_name: 'C', commune_code: '69123', structure_id: id }), context)).toMatchObject({ ok: true, row: { structureId: id, training: null } });
    expect(checkAnimatorRow(raw({ ref: 'A-1', display_name: 'C', commune_code: '69123', structure_id: id, structure_ref: 'S-1' }), context)).toMatchObject({ ok: false, errors: [{ field: 'structure_id' }] });
  });

  it('refuses "capable" for someone not trained', () => {
    expect(checkAnimatorRow(raw({ ref: 'A-1', display_name: 'C', commune_code: '69123', training_status: 'inscrit', capable: 'oui' }), context)).toMatchObject({ ok: false, errors: [{ field: 'capable' }] });
  });
});

describe('a cafes row', () => {
  const cafe = { ref: 'C-1', structure_ref: 'S-1', title: 'L’IA au quotidien', format: 'discussion', starts_at: '28/05/2025 18:30', ends_at: '28/05/2025 20:00', commune_code: '', capacity: '25', audience: '', online: 'non' };

  it('becomes a café with Paris instants, the structure’s id and defaults left to the API', () => {
    expect(checkCafeRow(raw(cafe), context)).toEqual({
      ok: true,
      row: {
        kind: 'cafes',
        line: 7,
        ref: 'C-1',
        id: importedId('cafes', 'C-1', 'organizer-1'),
        structureId: importedId('structures', 'S-1', 'organizer-1'),
        title: 'L’IA au quotidien',
        format: 'discussion',
        startsAt: '2025-05-28T18:30:00+02:00',
        endsAt: '2025-05-28T20:00:00+02:00',
        communeCode: null,
        capacity: 25,
        audience: null,
        online: false,
      },
    });
  });

  it('refuses an end before the start and a capacity of zero', () => {
    const result = checkCafeRow(raw({ ...cafe, ends_at: '28/05/2025 17:00', capacity: '0' }), context);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['capacity', 'ends_at']);
  });

  it('needs a structure, by ref or id', () => {
    expect(checkCafeRow(raw({ ...cafe, structure_ref: '' }), context)).toMatchObject({ ok: false, errors: [{ field: 'structure_ref', message: expect.stringContaining('structure') }] });
  });

  it('keeps the reader’s own cell problem (a formula without result) and does not judge the cell twice', () => {
    const result = checkCafeRow(raw({ ...cafe, title: '' }, [{ field: 'title', message: 'Cellule D7 : la formule n’a pas de résultat enregistré.' }]), context);
    expect(!result.ok && result.errors).toEqual([{ line: 7, field: 'title', message: 'Cellule D7 : la formule n’a pas de résultat enregistré.' }]);
  });
});

describe('an attendance row', () => {
  it('names a person by normalised email, keeps the name', () => {
    expect(checkAttendanceRow(raw({ ref: 'P-1', cafe_ref: 'C-1', email: ' Camille.Dupont@Example.org ', phone: '', name: 'Camille Dupont', anonymous_count: '' }), context)).toEqual({
      ok: true,
      row: { kind: 'attendance', line: 7, ref: 'P-1', cafeId: importedId('cafes', 'C-1', 'organizer-1'), attendee: { email: 'camille.dupont@example.org', name: 'Camille Dupont' }, anonymousCount: null },
    });
  });

  it('puts back the leading zero a spreadsheet dropped from a phone number', () => {
    expect(checkAttendanceRow(raw({ ref: 'P-1', cafe_ref: 'C-1', phone: '612345678' }), context)).toMatchObject({ ok: true, row: { attendee: { phone: '+33612345678' } } });
  });

  it('gives an anonymous headcount on its own row', () => {
    expect(checkAttendanceRow(raw({ ref: 'P-2', cafe_ref: 'C-1', anonymous_count: '8' }), context)).toMatchObject({ ok: true, row: { attendee: null, anonymousCount: 8 } });
  });

  it('refuses a name alone, a person and a headcount on one row, and bad contacts, without repeating personal data', () => {
    const nameOnly = checkAttendanceRow(raw({ ref: 'P-1', cafe_ref: 'C-1', name: 'Camille Dupont' }), context);
    expect(nameOnly).toMatchObject({ ok: false, errors: [{ field: 'email' }] });
    const both = checkAttendanceRow(raw({ ref: 'P-1', cafe_ref: 'C-1', email: 'a@b.fr', anonymous_count: '3' }), context);
    expect(both).toMatchObject({ ok: false, errors: [{ field: 'anonymous_count' }] });
    const bad = checkAttendanceRow(raw({ ref: 'P-1', cafe_ref: 'C-1', email: 'camille.dupont@', phone: '07 99' }), context);
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(['email', 'phone']);
    const messages = JSON.stringify([nameOnly, both, bad]);
    for (const personal of ['Camille Dupont', 'camille.dupont@', '07 99', 'a@b.fr']) expect(messages.includes(personal)).toBe(false);
  });
});
