import { importedId } from '../ids/imported-id';
import type { RawRow } from '../reading/open-table';
import { parseRef, parseText, parseWholeNumber } from '../values/cells';
import { parseBoolean } from '../values/enumerations';
import { parseInstant } from '../values/instants';
import type { CheckContext } from './check-context';
import { RowReader } from './row-reader';
import type { CafeRow, RowCheck } from './row-types';

export function checkCafeRow(raw: RawRow, context: CheckContext): RowCheck<CafeRow> {
  const r = new RowReader(raw, context);
  const ref = r.required('ref', parseRef, 'La référence de la ligne est obligatoire.');
  const structure = r.reference('structure_ref', 'structure_id', 'de la structure', true);
  const title = r.required('title', (t) => parseText(t, 200), 'Le titre du café est obligatoire.');
  const format = r.required('format', (t) => parseText(t, 60), 'Le format du café est obligatoire (ex. discussion, atelier).');
  const startsAt = r.required('starts_at', parseInstant, 'La date et l’heure de début sont obligatoires (ex. 28/05/2025 18:30).');
  const endsAt = r.optional('ends_at', parseInstant);
  const communeCode = r.commune('commune_code', false);
  const capacity = r.optional('capacity', (t) => parseWholeNumber(t, 1, 100_000));
  const audience = r.optional('audience', (t) => parseText(t, 200));
  const online = r.optional('online', parseBoolean);
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) r.fail('ends_at', 'La fin doit être après le début.');
  if (
    r.errors.length > 0 ||
    ref === undefined ||
    !structure ||
    title === undefined ||
    format === undefined ||
    startsAt === undefined ||
    endsAt === undefined ||
    communeCode === undefined ||
    capacity === undefined ||
    audience === undefined ||
    online === undefined
  ) {
    return { ok: false, errors: r.errors };
  }
  return {
    ok: true,
    row: {
      kind: 'cafes',
      line: raw.line,
      ref,
      id: importedId('cafes', ref, context.importerKey),
      structureId: 'id' in structure ? structure.id : importedId('structures', structure.ref, context.importerKey),
      title,
      format,
      startsAt,
      endsAt,
      communeCode,
      capacity,
      audience: audience === '' ? null : audience,
      online,
    },
  };
}
