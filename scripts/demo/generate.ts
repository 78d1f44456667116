/**
 * Writes the demo year one into demo/ (`npm run demo:generate`): the files `npm run demo` imports, committed so that
 * a newcomer needs nothing else. Deterministic (one seed): regenerating gives the same rows (an XLSX's zip
 * timestamps aside).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { Territories } from '@cafeia/territories';
import { DEMO_FILES } from '../../apps/api/src/imports/demo/demo-files';
import { demoYear } from './year-one';

const DEMO_DIR = join(__dirname, '..', '..', '..', 'demo'); // dist/scripts/demo → <repo>/demo

const cell = (value: string | number) => {
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
/** a CSV as French Excel writes it: UTF-8 with a BOM, `;`, CRLF */
const csv = (header: string[], rows: (string | number)[][]) => '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';

async function xlsx(header: string[], rows: (string | number)[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Café IA — démo';
  workbook.created = workbook.modified = new Date('2026-06-01T06:00:00Z');
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  // references and commune codes stay text (leading zeros)
  sheet.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const year = demoYear(Territories.official());
  mkdirSync(DEMO_DIR, { recursive: true });
  const write = (name: string, content: string | Buffer) => writeFileSync(join(DEMO_DIR, name), content);
  write(
    DEMO_FILES.structures,
    csv(['référence', 'nom', 'type', 'code commune (INSEE)', 'SIRET'], year.structures.map((s) => [s.ref, s.name, s.kind, s.communeCode, s.siret])),
  );
  write(
    DEMO_FILES.animators,
    await xlsx(
      ['référence', 'nom affiché', 'code commune (INSEE)', 'référence de la structure', 'formation', 'se sent capable d’accompagner sur l’IA'],
      year.animators.map((a) => [a.ref, a.displayName, a.communeCode, a.structureRef, a.training, a.capable]),
      'Médiateurs',
    ),
  );
  write(
    DEMO_FILES.cafes,
    csv(
      ['référence', 'référence de la structure', 'titre', 'format', 'début', 'fin', 'capacité', 'public', 'en ligne'],
      year.cafes.map((c) => [c.ref, c.structureRef, c.title, c.format, c.startsAt, c.endsAt, c.capacity, c.audience, c.online]),
    ),
  );
  write(DEMO_FILES.attendance, csv(['référence', 'référence du café', 'e-mail', 'nom'], year.attendance.map((a) => [a.ref, a.cafeRef, a.email, a.name])));
  write(
    DEMO_FILES.headcounts,
    await xlsx(['référence', 'référence du café', 'participants anonymes'], year.headcounts.map((h) => [h.ref, h.cafeRef, h.anonymousCount]), 'Anonymes'),
  );
  const anonymous = year.headcounts.reduce((sum, h) => sum + h.anonymousCount, 0);
  const held = year.cafes.filter((c) => c.held).length;
  console.log(
    JSON.stringify({
      structures: year.structures.length,
      animators: year.animators.length,
      inTraining: year.animators.filter((a) => a.training === 'en formation').length,
      capable: year.animators.filter((a) => a.capable === 'oui').length,
      cafesHeld: held,
      cafesUpcoming: year.cafes.length - held,
      attendanceRows: year.attendance.length,
      namedPeople: new Set(year.attendance.map((a) => a.email)).size,
      anonymous,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
