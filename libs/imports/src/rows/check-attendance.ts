import { normaliseEmail, normalisePhone } from '@cafeia/personal-data';
import { importedId } from '../ids/imported-id';
import type { RawRow } from '../reading/open-table';
import { parseRef, parseWholeNumber } from '../values/cells';
import type { CheckContext } from './check-context';
import { RowReader } from './row-reader';
import type { AttendanceRow, Attendee, RowCheck } from './row-types';

/**
 * A spreadsheet that took "0612345678" for a number shows 612345678: nine digits that are a
 * French number without its leading zero get it back.
 */
export const restoreLeadingZero = (phone: string): string => (/^[1-9]\d{8}$/.test(phone.trim()) ? `0${phone.trim()}` : phone);

/**
 * Attendance rows carry personal data: their messages never repeat the email, phone or name
 * (the job's error report is a read model, and personal data lives only in the vault).
 */
export function checkAttendanceRow(raw: RawRow, context: CheckContext): RowCheck<AttendanceRow> {
  const r = new RowReader(raw, context);
  const ref = r.required('ref', parseRef, 'La référence de la ligne est obligatoire.');
  const cafe = r.reference('cafe_ref', 'cafe_id', 'du café', true);
  const attendee: Attendee = {};
  if (r.has('email')) {
    const email = normaliseEmail(raw.cells.email);
    if (email === null) r.fail('email', 'L’e-mail n’a pas la forme d’une adresse (nom@domaine.fr).');
    else attendee.email = email;
  }
  if (r.has('phone')) {
    const phone = normalisePhone(restoreLeadingZero(raw.cells.phone));
    if (phone === null) r.fail('phone', 'Le téléphone n’est pas un numéro valide (ex. 06 12 34 56 78 ou +33 6 12 34 56 78).');
    else attendee.phone = phone;
  }
  if (r.has('name')) {
    const name = raw.cells.name.trim();
    if (name.length > 200) r.fail('name', `Le nom fait ${name.length} caractères, 200 au plus.`);
    else attendee.name = name;
  }
  const anonymousCount = r.optional('anonymous_count', (t) => parseWholeNumber(t, 0, 100_000));
  const person = r.has('email') || r.has('phone');
  if (person && r.has('anonymous_count')) {
    r.fail('anonymous_count', 'Une ligne donne soit une personne (e-mail ou téléphone), soit un nombre de participants anonymes : mettez-les sur deux lignes.');
  } else if (!person && !r.has('anonymous_count') && !raw.issues.length) {
    r.fail(
      r.has('name') ? 'email' : 'anonymous_count',
      r.has('name')
        ? 'Un nom seul ne permet pas de reconnaître la personne : ajoutez son e-mail ou son téléphone.'
        : 'Indiquez la personne présente (e-mail ou téléphone) ou le nombre de participants anonymes.',
    );
  }
  if (r.errors.length > 0 || ref === undefined || !cafe || anonymousCount === undefined) return { ok: false, errors: r.errors };
  return {
    ok: true,
    row: {
      kind: 'attendance',
      line: raw.line,
      ref,
      cafeId: 'id' in cafe ? cafe.id : importedId('cafes', cafe.ref, context.importerKey),
      attendee: person ? attendee : null,
      anonymousCount,
    },
  };
}
