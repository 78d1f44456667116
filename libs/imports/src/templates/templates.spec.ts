import { TEMPLATE_KINDS } from '../kinds/import-kind';
import { checkImport } from '../plan/check-import';
import { templateCsv, templateFileName } from './template-csv';
import { templateXlsx } from './template-xlsx';

describe('templates', () => {
  it('the cafés CSV has a BOM, French headers, ; and two example rows', () => {
    const lines = templateCsv('cafes').split('\r\n');
    expect(lines[0]).toBe('\uFEFFréférence;référence de la structure;titre;format;début;fin;code commune (INSEE);capacité;public;en ligne');
    expect(lines.slice(1).filter(Boolean)).toHaveLength(2);
    expect(lines[1]).toBe('CAFE-001;STRUCT-001;L’IA au quotidien;discussion;05/12/2025 18:30;05/12/2025 20:00;69123;25;tout public;non');
  });

  it.each(TEMPLATE_KINDS)('the %s templates, CSV and XLSX, import as they are without an error', async (kind) => {
    for (const file of [Buffer.from(templateCsv(kind)), Buffer.from(templateCsv(kind, { delimiter: ',', bom: false })), await templateXlsx(kind)]) {
      const report = await checkImport(file, { kind, importerKey: 'k' });
      expect([kind, report.rows, report.valid, report.errors]).toEqual([kind, 2, 2, []]);
    }
  });

  it('the XLSX keeps the leading zero of a commune code (cells typed as text)', async () => {
    const { openTable } = await import('../reading/open-table');
    const table = await openTable('structures', await templateXlsx('structures'));
    const rows = [];
    for await (const row of table.rows) rows.push(row.cells.commune_code);
    expect(rows).toEqual(['69123', '01004']);
  });

  it('names the files', () => {
    expect(templateFileName('attendance', 'xlsx')).toBe('modele-attendance.xlsx');
  });
});
