/**
 * Who may import whom. Libraries form layers — the domain at the bottom, then the ports and their adapters
 * (event store, read models, personal data), then what is built on them (messaging, audit), then the apps —
 * and an arrow never runs back up. A library is entered by its barrel (`@cafeia/x`), or by a declared entry
 * (`@cafeia/x/testing` from test code, `@cafeia/event-store/eventstoredb`): never by reaching into its files.
 * This spec reads files itself; it does not scan its own samples as imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** the libraries each library may import (the rest of the monorepo's libraries are forbidden to it) */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  config: [],
  observability: [],
  territories: [],
  database: [],
  threads: [],
  'paris-time': [],
  'france-map': [],
  /** test support: importable from test code anywhere, never from production code */
  testing: [],
  publication: ['domain'],
  /** the web app's pages: pure rendering of view models (types from the read side, the map) */
  web: ['audit', 'domain', 'projections', 'france-map', 'publication', 'territories', 'paris-time'],
  imports: ['domain', 'personal-data', 'paris-time'],
  'event-store': ['domain', 'database'],
  'personal-data': ['domain', 'database', 'threads'],
  projections: ['domain', 'database', 'event-store', 'territories', 'paris-time'],
  messaging: ['config', 'domain', 'database', 'event-store', 'observability'],
  audit: ['domain', 'event-store', 'territories', 'paris-time'],
};

/** entries other than the barrel that other code may import */
const ENTRIES: Record<string, readonly string[]> = { 'event-store': ['eventstoredb'] };

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && path !== __filename ? [path] : [];
  });

const importedModules = (source: string): string[] => {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1]);
};

const isTestCode = (file: string): boolean => /\.(spec|e2e-spec|kafka-spec|browser-spec|contract|suite)\.ts$/.test(file) || /\/(testing|test)\//.test(file);

/** what is wrong with `specifier` imported from `file` of `owner` ('api' etc. for apps), or null */
export function offence(file: string, owner: { kind: 'lib' | 'app' | 'other'; name: string }, specifier: string): string | null {
  const cafeia = /^@cafeia\/([a-z-]+)(?:\/(.+))?$/.exec(specifier);
  if (cafeia) {
    const [, lib, rest] = cafeia;
    if (lib === 'testing') return isTestCode(file) || owner.kind === 'other' ? null : 'production code imports the test support library';
    if (owner.kind === 'lib' && lib !== owner.name && !(ALLOWED[owner.name] ?? []).includes(lib)) return `the ${owner.name} library may not import ${lib}`;
    if (owner.kind === 'lib' && lib === owner.name) return `imports its own library by its alias`;
    if (rest !== undefined) {
      const entry = rest.split('/')[0];
      const declared = (ENTRIES[lib] ?? []).includes(rest);
      const testing = entry === 'testing' && isTestCode(file);
      if (!declared && !testing) return `reaches into ${lib}'s files (${specifier}): import @cafeia/${lib}`;
    }
    return null;
  }
  if (specifier.startsWith('.')) {
    const target = resolve(file, '..', specifier);
    const inside = (dir: string) => target === dir || target.startsWith(dir + '/');
    if (owner.kind === 'lib' && !inside(join(ROOT, 'libs', owner.name))) return `reaches out of its library by a relative path (${specifier})`;
    // apps/web is the API's pages deployed on their own: it boots the API's modules (and nothing else may)
    const webBootsApi = owner.kind === 'app' && owner.name === 'web' && inside(join(ROOT, 'apps', 'api'));
    if (owner.kind === 'app' && inside(join(ROOT, 'apps')) && !inside(join(ROOT, 'apps', owner.name)) && !webBootsApi) return `reaches into another app (${specifier})`;
    if (owner.kind === 'lib' && inside(join(ROOT, 'apps'))) return `a library imports an app (${specifier})`;
  }
  return null;
}

const ownerOf = (file: string): { kind: 'lib' | 'app' | 'other'; name: string } => {
  const [top, name] = relative(ROOT, file).split('/');
  return top === 'libs' ? { kind: 'lib', name } : top === 'apps' ? { kind: 'app', name } : { kind: 'other', name: top };
};

const libraries = readdirSync(join(ROOT, 'libs')).filter((name) => statSync(join(ROOT, 'libs', name)).isDirectory());
const files = [...sourceFiles(join(ROOT, 'libs')), ...sourceFiles(join(ROOT, 'apps'))];

describe('the layers of the monorepo', () => {
  it('knows every library', () => {
    expect(libraries.filter((name) => !(name in ALLOWED))).toEqual([]);
  });

  it('has no import running up a layer, across apps, or into another library’s files', () => {
    const offences = files.flatMap((file) =>
      importedModules(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const why = offence(file, ownerOf(file), specifier);
        return why ? [`${relative(ROOT, file)}: ${why}`] : [];
      }),
    );
    expect(offences).toEqual([]);
  });

  // the checker itself must be able to fail
  const lib = (name: string) => ({ kind: 'lib' as const, name });
  it.each([
    [join(ROOT, 'libs/domain/src/x.ts'), lib('domain'), '@cafeia/event-store', true],
    [join(ROOT, 'libs/event-store/src/x.ts'), lib('event-store'), '@cafeia/projections', true],
    [join(ROOT, 'libs/projections/src/x.ts'), lib('projections'), '@cafeia/domain/events', true],
    [join(ROOT, 'libs/projections/src/x.ts'), lib('projections'), '../../../apps/api/src/x', true],
    [join(ROOT, 'libs/projections/src/x.ts'), lib('projections'), '../../event-store/src/x', true],
    [join(ROOT, 'libs/projections/src/x.ts'), lib('projections'), '@cafeia/event-store', false],
    [join(ROOT, 'libs/projections/src/x.spec.ts'), lib('projections'), '@cafeia/database/testing', false],
    [join(ROOT, 'libs/projections/src/x.ts'), lib('projections'), '@cafeia/database/testing', true],
    [join(ROOT, 'apps/api/src/x.ts'), { kind: 'app' as const, name: 'api' }, '@cafeia/event-store/eventstoredb', false],
    [join(ROOT, 'apps/api/src/x.ts'), { kind: 'app' as const, name: 'api' }, '../../projector/src/x', true],
    [join(ROOT, 'libs/projections/src/x.ts'), lib('projections'), '@cafeia/testing', true],
    [join(ROOT, 'libs/projections/src/x.spec.ts'), lib('projections'), '@cafeia/testing', false],
  ])('judges %s importing %p %p: offence %p', (file, owner, specifier, offends) => {
    expect(offence(file, owner, specifier) !== null).toBe(offends);
  });
});
