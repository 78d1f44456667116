import * as ExcelJS from 'exceljs';
import { KIND_SPECS } from '../kinds/columns';
import type { TemplateKind } from '../kinds/import-kind';
import { STRUCTURE_KIND_FRENCH, TRAINING_STATUS_FRENCH } from '../values/enumerations';
import { TEMPLATE_EXAMPLES, templateColumns } from './template-rows';

/** Columns typed as text, so a spreadsheet keeps "01004" and "0612345678" as written */
const TEXT_COLUMNS = new Set(['ref', 'commune_code', 'siret', 'structure_ref', 'cafe_ref', 'phone']);

const required = (kind: TemplateKind, name: string) => KIND_SPECS[kind].required.some((group) => group.includes(name));

/**
 * The XLSX template of a kind: the same header and examples on the first sheet (the one an import
 * reads), cells typed as text where leading zeros matter, and an "Aide" sheet describing each column.
 */
export async function templateXlsx(kind: TemplateKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Café IA';
  const sheet = workbook.addWorksheet('Modèle');
  const columns = templateColumns(kind);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.name, width: Math.max(14, c.header.length + 4), style: TEXT_COLUMNS.has(c.name) ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const example of TEMPLATE_EXAMPLES[kind]) sheet.addRow(Object.fromEntries(columns.map((c) => [c.name, example[c.name] ?? ''])));

  const help = workbook.addWorksheet('Aide');
  help.columns = [
    { header: 'colonne', key: 'header', width: 36 },
    { header: 'nom accepté aussi', key: 'name', width: 20 },
    { header: 'obligatoire', key: 'required', width: 12 },
    { header: 'ce qu’on y écrit', key: 'help', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of KIND_SPECS[kind].columns) help.addRow({ header: c.header, name: c.name, required: required(kind, c.name) ? 'oui' : 'non', help: c.help });
  help.addRow({});
  if (kind === 'structures') help.addRow({ header: 'types de structure', help: Object.values(STRUCTURE_KIND_FRENCH).join(', ') });
  if (kind === 'animators') help.addRow({ header: 'statuts de formation', help: Object.values(TRAINING_STATUS_FRENCH).join(', ') });
  help.addRow({ header: 'oui / non', help: 'oui, non (ou true, false, 1, 0)' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
