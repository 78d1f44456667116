import { existsSync, readFileSync, statSync } from 'node:fs';
import { IMPORT_MAX_BYTES } from '../import-upload';
import { followJob, formatRefusal } from './follow-job';
import { HttpImports } from './http-import';
import { ArgumentError, parseImportArgs, USAGE, type ImportArgs } from './import-args';
import { exitCodeOf, formatReport } from './import-report';
import { ImportProgressBar } from './progress-bar';

/**
 * `npm run import -- --kind … --file … [--dry-run] [--url http://… --token …]` (scripts/import.js): the same import as
 * `POST /v1/imports`, from a terminal, with a progress bar and the report at the end. With --url the file goes to
 * a running API; without, the embedded default's DATA_DIR is written by an app started in this process (no port
 * opened), as the council.
 */
async function main(argv: string[]): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    if (error.message) process.stderr.write(`import : ${error.message}\n`);
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  if (!existsSync(args.file)) {
    process.stderr.write(`import : le fichier ${args.file} n’existe pas\n`);
    return 2;
  }
  if (statSync(args.file).size > IMPORT_MAX_BYTES) {
    process.stderr.write(`import : le fichier dépasse ${IMPORT_MAX_BYTES / 1048576} Mo ; découpez-le en plusieurs fichiers plus petits\n`);
    return 2;
  }
  const bytes = readFileSync(args.file);
  const submission = { kind: args.kind, dryRun: args.dryRun, coopStructureId: args.structureId ?? undefined };
  const bar = new ImportProgressBar();

  if (args.url) {
    const imports = new HttpImports(args);
    const started = await imports.start(bytes);
    if (!started.ok) {
      process.stderr.write(formatRefusal(started));
      return 2;
    }
    const job = await followJob(() => imports.read(started.id), (view) => bar.update(view));
    bar.stop();
    process.stdout.write(formatReport(job));
    return exitCodeOf(job);
  }

  // the application is loaded only here (a relative require: the build rewrites the @cafeia aliases of static
  // imports only): uploading to a running API needs none of it, and starts in a fraction of the time
  const { runEmbedded } = require('./embedded-run') as typeof import('./embedded-run');
  return runEmbedded(args, bytes, submission, bar);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`import : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
