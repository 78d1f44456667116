import * as ExcelJS from 'exceljs';
import { all, xlsx } from '../../testing/fixtures';
import { zipOf } from '../../testing/zip-writer';
import { openTable } from '../open-table';
import { cellText, columnLetters } from './cell-text';

const tmp = require('tmp') as { file: (...args: unknown[]) => void };

const HEADER = ['référence', 'nom', 'type', 'code commune (INSEE)'];

describe('XLSX details', () => {
  it('reads the first visible sheet in tab order, skipping a hidden one', async () => {
    const file = await xlsx([['notes']], (sheet, workbook) => {
      sheet.state = 'hidden';
      const data = workbook.addWorksheet('Données');
      data.addRow(HEADER);
      data.addRow(['S-1', 'Médiathèque', 'médiathèque', '69123']);
    });
    const table = await openTable('structures', file);
    expect(table.sheetName).toBe('Données');
    expect((await all(table.rows))[0].cells.name).toBe('Médiathèque');
  });

  it('follows the workbook’s own order and paths, not the part names', async () => {
    const part = (rows: string[][]) =>
      Buffer.from(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
          .map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => `<c r="${columnLetters(i + 1)}${r + 1}" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`)
          .join('')}</sheetData></worksheet>`,
      );
    const file = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: '_rels/.rels', data: Buffer.from('<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>') },
      {
        name: 'xl/workbook.xml',
        data: Buffer.from('<workbook xmlns:r="x"><sheets><sheet name="Vraie" sheetId="2" r:id="rId2"/><sheet name="Autre" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Target="/xl/worksheets/donnees.xml" Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
        ),
      },
      { name: 'xl/worksheets/sheet1.xml', data: part([['autre chose']]) },
      { name: 'xl/worksheets/donnees.xml', data: part([HEADER, ['S-1', 'Tiers-lieu', 'tiers-lieu', '2A004']]) },
    ]);
    const table = await openTable('structures', file);
    expect(table.sheetName).toBe('Vraie');
    expect((await all(table.rows))[0].cells).toEqual({ ref: 'S-1', name: 'Tiers-lieu', kind: 'tiers-lieu', commune_code: '2A004' });
  });

  it('never lets exceljs park a sheet in a temporary file', async () => {
    const spy = jest.spyOn(tmp, 'file');
    try {
      const table = await openTable('structures', await xlsx([HEADER, ['S-1', 'A', 'autre', '69123']]));
      expect(await all(table.rows)).toHaveLength(1);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('reads error values, rich text, hyperlinks and date results of formulas as a person would', () => {
    expect(cellText({ error: '#N/A' } as ExcelJS.CellErrorValue)).toEqual({ issue: 'la cellule affiche une erreur (#N/A)' });
    expect(cellText({ richText: [{ text: 'Média' }, { text: 'thèque' }] })).toEqual({ text: 'Médiathèque' });
    expect(cellText({ text: 'camille@example.org', hyperlink: 'mailto:camille@example.org' })).toEqual({ text: 'camille@example.org' });
    expect(cellText({ formula: 'A1+1', result: 45805.75 }, { numFmt: 'dd/mm/yyyy hh:mm' })).toEqual({ text: '28/05/2025 18:00' });
    expect(cellText(0.1 + 0.2)).toEqual({ text: '0.3' });
    expect(cellText(true)).toEqual({ text: 'true' });
    expect(columnLetters(28)).toBe('AB');
  });
});
