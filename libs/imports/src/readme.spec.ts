import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_PROBLEMS } from './errors';
import { KIND_SPECS } from './kinds/columns';
import { IMPORT_KINDS } from './kinds/import-kind';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('the README', () => {
  it('lists every column of every kind with its template header', () => {
    for (const kind of IMPORT_KINDS) for (const column of KIND_SPECS[kind].columns) expect([kind, column.name, readme.includes(`| \`${column.name}\` | ${column.header} |`)]).toEqual([kind, column.name, true]);
  });

  it('lists every file error with its status', () => {
    for (const [code, status] of Object.entries(FILE_PROBLEMS)) expect([code, readme.includes(`| \`${code}\` | ${status} |`)]).toEqual([code, true]);
  });
});
