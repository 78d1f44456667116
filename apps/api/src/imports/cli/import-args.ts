import { IMPORT_KINDS, isImportKind, type ImportKind } from '@cafeia/imports';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../import-upload';

export interface ImportArgs {
  kind: ImportKind;
  file: string;
  dryRun: boolean;
  /** a running API: upload there; without it, the embedded default's DATA_DIR is written directly */
  url: string | null;
  token: string | null;
  /** coop_activities: the structure the workshops belong to */
  structureId: string | null;
  /** embedded only: whose refs the rows are (ids derive from it); the same subject again creates nothing new */
  sub: string;
}

export const USAGE = `Usage : npm run import -- --kind <${IMPORT_KINDS.join('|')}> --file <fichier.csv|fichier.xlsx> [--dry-run]
                         [--url http://hôte:port --token <jeton>] [--structure <uuid>] [--sub <sujet>]
  --url, --token  envoie le fichier à une API qui tourne (le jeton d’un rôle qui peut importer ce type)
  sans --url      écrit directement dans le DATA_DIR de l’installation embarquée (rôle council, sujet --sub, « cli:import » par défaut)
  --structure     pour coop_activities : la structure à laquelle rattacher les ateliers
Code de sortie : 0 tout est importé, 1 des lignes sont refusées, 2 le fichier est refusé, l’import a échoué ou les arguments sont faux.`;

export class ArgumentError extends Error {}

/** `--kind cafes --file f.csv --dry-run --url … --token …` (also `--kind=cafes`) */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new ArgumentError(`argument inattendu : ${arg}`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (name === 'dry-run' || name === 'help') {
      flags.add(name);
      continue;
    }
    if (!['kind', 'file', 'url', 'token', 'structure', 'sub'].includes(name)) throw new ArgumentError(`option inconnue : --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new ArgumentError(`--${name} attend une valeur`);
    values.set(name, value);
  }
  if (flags.has('help')) throw new ArgumentError('');
  const kind = values.get('kind');
  if (!kind || !isImportKind(kind)) throw new ArgumentError(`--kind doit valoir ${IMPORT_KINDS.join(', ')}`);
  const file = values.get('file');
  if (!file) throw new ArgumentError('--file est obligatoire');
  const url = values.get('url')?.replace(/\/+$/, '') ?? null;
  if (url !== null && !/^https?:\/\/[^\s/]+/.test(url)) throw new ArgumentError('--url doit être une adresse http(s)');
  const token = values.get('token') ?? null;
  if (url !== null && token === null) throw new ArgumentError('--url demande --token (npm run token -- --role …)');
  if (url === null && token !== null) throw new ArgumentError('--token ne sert qu’avec --url');
  return { kind, file, dryRun: flags.has('dry-run'), url, token, structureId: values.get('structure') ?? null, sub: values.get('sub') ?? 'cli:import' };
}

export const mediaTypeOf = (file: string): string => (/\.xlsx$/i.test(file) ? XLSX_MEDIA_TYPE : CSV_MEDIA_TYPE);
