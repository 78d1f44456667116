/**
 * Keeps the publication core pure: production code imports only `ics` and its own files (no
 * framework, driver, other library of ours, file system), and reads no clock. Specs may use their
 * parsers. This spec reads files itself, so it is the one file it does not scan.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = __dirname;
const allowed = (specifier: string) => specifier.startsWith('.') || specifier === 'ics';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !path.includes('/testing/') ? [path] : [];
  });

const importedModules = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]);

const files = sourceFiles(root);
const offences = (check: (source: string) => string[]) =>
  files.flatMap((file) => check(readFileSync(file, 'utf8')).map((what) => `${relative(root, file)}: ${what}`));

describe('the publication library stays pure', () => {
  it('scans the whole library', () => {
    expect(files.map((file) => relative(root, file))).toEqual(expect.arrayContaining(['index.ts', 'figures/suppress.ts', 'agenda/ical.ts']));
  });

  it('imports nothing but its own files and ics', () => {
    expect(offences((source) => importedModules(source).filter((specifier) => !allowed(specifier)))).toEqual([]);
  });

  it('reads no clock and draws no random number', () => {
    expect(offences((source) => (source.match(/new Date\(\)|Date\.now\(\)|Math\.random\(\)/g) ?? []))).toEqual([]);
  });
});
