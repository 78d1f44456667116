import { importedId } from '../ids/imported-id';
import type { RawRow } from '../reading/open-table';
import { parseRef, parseText } from '../values/cells';
import { parseBoolean, parseTrainingStatus } from '../values/enumerations';
import type { CheckContext } from './check-context';
import { RowReader } from './row-reader';
import type { AnimatorRow, RowCheck } from './row-types';

export function checkAnimatorRow(raw: RawRow, context: CheckContext): RowCheck<AnimatorRow> {
  const r = new RowReader(raw, context);
  const ref = r.required('ref', parseRef, 'La référence de la ligne est obligatoire.');
  const displayName = r.required('display_name', (t) => parseText(t, 200), 'Le nom affiché de l’animateur ou de l’animatrice est obligatoire.');
  const communeCode = r.commune('commune_code', true);
  const structure = r.reference('structure_ref', 'structure_id', 'de la structure', false);
  const status = r.optional('training_status', parseTrainingStatus);
  const capable = r.optional('capable', parseBoolean);
  const listed = r.optional('listed', parseBoolean);
  if (capable !== null && capable !== undefined && status !== 'completed') {
    r.fail('capable', '« se sent capable » ne se renseigne que pour une personne formée (formation : formé).');
  }
  if (r.errors.length > 0 || ref === undefined || displayName === undefined || !communeCode || structure === undefined || status === undefined || capable === undefined || listed === undefined) {
    return { ok: false, errors: r.errors };
  }
  const structureId = structure === null ? null : 'id' in structure ? structure.id : importedId('structures', structure.ref, context.importerKey);
  return {
    ok: true,
    row: {
      kind: 'animators',
      line: raw.line,
      ref,
      id: importedId('animators', ref, context.importerKey),
      displayName,
      communeCode,
      structureId,
      training: status === null ? null : { status, capable: status === 'completed' ? capable : null },
      listed,
    },
  };
}
