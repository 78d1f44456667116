import { importedId } from '../ids/imported-id';
import type { RawRow } from '../reading/open-table';
import { parseRef, parseSiret, parseText } from '../values/cells';
import { parseStructureKind } from '../values/enumerations';
import type { CheckContext } from './check-context';
import { RowReader } from './row-reader';
import type { RowCheck, StructureRow } from './row-types';

export function checkStructureRow(raw: RawRow, context: CheckContext): RowCheck<StructureRow> {
  const r = new RowReader(raw, context);
  const ref = r.required('ref', parseRef, 'La référence de la ligne est obligatoire.');
  const name = r.required('name', (t) => parseText(t, 200), 'Le nom de la structure est obligatoire.');
  const structureKind = r.required('kind', parseStructureKind, 'Le type de structure est obligatoire (médiathèque, école, mairie…).');
  const communeCode = r.commune('commune_code', true);
  const siret = r.optional('siret', parseSiret);
  if (r.errors.length > 0 || ref === undefined || name === undefined || structureKind === undefined || !communeCode || siret === undefined) {
    return { ok: false, errors: r.errors };
  }
  return {
    ok: true,
    row: { kind: 'structures', line: raw.line, ref, id: importedId('structures', ref, context.importerKey), name, structureKind, communeCode, siret },
  };
}
