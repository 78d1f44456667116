import { isImportFileError, type ImportFileError } from '../errors';
import { all, chunked, csv, xlsx } from '../testing/fixtures';
import { openTable } from './open-table';

const STRUCTURES = [
  ['référence', 'nom', 'type', 'code commune (INSEE)', 'SIRET'],
  ['S-1', 'Médiathèque Jean-Macé', 'médiathèque', '69123', ''],
  ['S-2', 'Mairie d’Ambérieu', 'mairie', '01004', '21010004200017'],
];

async function refusal(promise: Promise<unknown>): Promise<ImportFileError> {
  try {
    await promise;
  } catch (error) {
    if (isImportFileError(error)) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('opening a CSV', () => {
  it('reads a UTF-8 file with a BOM and ; separators, cells by English column', async () => {
    const table = await openTable('structures', chunked('\uFEFF' + csv(STRUCTURES), 7));
    expect(table).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8', headerLine: 1 });
    const rows = await all(table.rows);
    expect(rows).toEqual([
      { line: 2, cells: { ref: 'S-1', name: 'Médiathèque Jean-Macé', kind: 'médiathèque', commune_code: '69123', siret: '' }, issues: [] },
      { line: 3, cells: { ref: 'S-2', name: 'Mairie d’Ambérieu', kind: 'mairie', commune_code: '01004', siret: '21010004200017' }, issues: [] },
    ]);
  });

  it('reads comma-separated English headers in any order', async () => {
    const table = await openTable('structures', Buffer.from(csv([['kind', 'commune_code', 'name', 'ref'], ['school', '75056', 'École Jules-Ferry', 'S-9']], ',')));
    expect(table.delimiter).toBe(',');
    expect((await all(table.rows))[0].cells).toEqual({ kind: 'school', commune_code: '75056', name: 'École Jules-Ferry', ref: 'S-9' });
  });

  it('reads Windows-1252 (French Excel’s CSV) when the bytes are not UTF-8', async () => {
    const iconv = await import('iconv-lite');
    const table = await openTable('structures', chunked(iconv.encode(csv(STRUCTURES), 'win1252'), 50));
    const rows = await all(table.rows);
    expect(table.encoding).toBe('windows-1252');
    expect(rows[0].cells.name).toBe('Médiathèque Jean-Macé');
    expect(rows[1].cells.name).toBe('Mairie d’Ambérieu');
  });

  it('reads UTF-16 with its BOM (Excel’s "Unicode text")', async () => {
    const iconv = await import('iconv-lite');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv(STRUCTURES, '\t'), 'utf-16le')]);
    const table = await openTable('structures', chunked(bytes, 33));
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect((await all(table.rows))[0].cells.name).toBe('Médiathèque Jean-Macé');
  });

  it('numbers rows as a spreadsheet does: a cell with a line break stays one row, blank rows are skipped', async () => {
    const text = csv([STRUCTURES[0], ['S-1', 'Espace\nnumérique', 'autre', '69123', ''], ['', '', '', '', ''], ['S-3', 'Tiers-lieu', 'tiers-lieu', '2A004', '']]);
    const rows = await all((await openTable('structures', Buffer.from(text))).rows);
    expect(rows.map((r) => [r.line, r.cells.name])).toEqual([
      [2, 'Espace\nnumérique'],
      [4, 'Tiers-lieu'],
    ]);
  });

  it('finds the header under a few title rows and ignores unknown columns', async () => {
    const text = csv([['Mes structures 2025'], [], ['notes', ...STRUCTURES[0]], ['à revoir', ...STRUCTURES[1]]]);
    const table = await openTable('structures', Buffer.from(text));
    expect(table.headerLine).toBe(3);
    expect(table.header.ignored).toEqual(['notes']);
    expect((await all(table.rows))[0]).toMatchObject({ line: 4, cells: { ref: 'S-1' } });
  });
});

describe('opening an XLSX', () => {
  it('reads the first sheet, numbers as text, dates as Paris wall clock', async () => {
    const file = await xlsx(
      [
        ['référence', 'référence de la structure', 'titre', 'format', 'début', 'code commune (INSEE)', 'capacité'],
        ['C-1', 'S-1', 'L’IA au quotidien', 'discussion', new Date(Date.UTC(2025, 4, 28, 18, 30)), 1004, 25],
      ],
      (sheet) => (sheet.getColumn(5).numFmt = 'dd/mm/yyyy hh:mm'),
    );
    const table = await openTable('cafes', chunked(file, 4096));
    expect(table).toMatchObject({ format: 'xlsx', sheetName: 'Feuille 1', headerLine: 1 });
    expect((await all(table.rows))[0].cells).toEqual({
      ref: 'C-1',
      structure_ref: 'S-1',
      title: 'L’IA au quotidien',
      format: 'discussion',
      starts_at: '28/05/2025 18:30',
      commune_code: '1004',
      capacity: '25',
    });
  });

  it('takes a formula’s cached result, and reports a formula without one on its cell', async () => {
    const file = await xlsx([
      ['référence', 'nom', 'type', 'code commune (INSEE)'],
      ['S-1', { formula: 'CONCATENATE("Média","thèque")', result: 'Médiathèque' }, 'médiathèque', '69123'],
      ['S-2', { formula: 'A1&"x"' } as never, 'mairie', '69123'],
    ]);
    const rows = await all((await openTable('structures', file)).rows);
    expect(rows[0]).toMatchObject({ cells: { name: 'Médiathèque' }, issues: [] });
    expect(rows[1].cells.name).toBe('');
    expect(rows[1].issues).toEqual([{ field: 'name', message: expect.stringContaining('Cellule B3 : la formule n’a pas de résultat enregistré') }]);
  });

  it('refuses merged cells in the table, naming them', async () => {
    const file = await xlsx(STRUCTURES, (sheet) => sheet.mergeCells('B2:B3'));
    const error = await refusal(openTable('structures', file));
    expect(error).toMatchObject({ code: 'merged_cells', status: 422, details: { cells: ['B2:B3'] } });
    expect(error.message).toContain('B2:B3');
  });

  it('accepts merged cells above the header (a title)', async () => {
    const file = await xlsx([['Mes structures'], [], ...STRUCTURES], (sheet) => sheet.mergeCells('A1:E1'));
    const table = await openTable('structures', file);
    expect(table.headerLine).toBe(3);
    expect(await all(table.rows)).toHaveLength(2);
  });
});
