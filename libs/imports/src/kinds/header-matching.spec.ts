import { KIND_SPECS } from './columns';
import { columnOf, findHeader, headerProblem } from './header-matching';
import { IMPORT_KINDS } from './import-kind';
import { normalizeLabel } from './normalize-label';

describe('headers', () => {
  it('match whatever the case, accents, apostrophes, underscores and spaces', () => {
    expect(columnOf('structures', 'Code commune (INSEE)')).toBe('commune_code');
    expect(columnOf('structures', '  CODE_COMMUNE ')).toBe('commune_code');
    expect(columnOf('structures', 'Code\u00a0INSEE*')).toBe('commune_code');
    expect(columnOf('cafes', 'Debut')).toBe('starts_at');
    expect(columnOf('cafes', 'starts_at')).toBe('starts_at');
    expect(columnOf('animators', "se sent capable d'accompagner sur l'IA")).toBe('capable');
    expect(columnOf('coop_activities', 'Thématique(s) d’accompagnement')).toBe('themes');
  });

  it('no spelling names two columns of one kind', () => {
    for (const kind of IMPORT_KINDS) {
      const seen = new Map<string, string>();
      for (const column of KIND_SPECS[kind].columns) {
        for (const label of [column.name, column.header, ...column.aliases]) {
          const key = normalizeLabel(label);
          expect([kind, key, seen.get(key) ?? column.name]).toEqual([kind, key, column.name]);
          seen.set(key, column.name);
        }
      }
    }
  });

  it('every kind’s template headers are recognised as that kind and no other', () => {
    for (const kind of IMPORT_KINDS) {
      const cells = KIND_SPECS[kind].columns.map((c) => c.header);
      expect(findHeader(kind, [{ line: 1, cells }])?.line).toBe(1);
      for (const other of IMPORT_KINDS.filter((k) => k !== kind)) expect([kind, other, findHeader(other, [{ line: 1, cells }])]).toEqual([kind, other, null]);
    }
  });

  it('diagnoses a structures file sent as animators as the wrong kind', () => {
    const problem = headerProblem('animators', [{ line: 1, cells: ['référence', 'nom', 'type', 'code commune'] }]);
    expect(problem).toMatchObject({ code: 'wrong_kind', details: { looksLike: 'structures' } });
  });
});
