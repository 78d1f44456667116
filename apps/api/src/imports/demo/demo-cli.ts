import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { loadConfig } from '@cafeia/config';
import { createApp } from '../../bootstrap';
import { readSideModules } from '../../read-side/read-side.module';
import { formatReport } from '../cli/import-report';
import { ImportProgressBar } from '../cli/progress-bar';
import { DEMO_CLOCK } from './demo-files';
import { loadDemoYear, storeIsEmpty } from './demo-loader';

/**
 * `npm run demo [-- --force]`: the demo year one imported into the embedded default (DATA_DIR, default ./data),
 * through the import, with CLOCK pinned to the morning after year one (unless CLOCK is set). A store that already
 * holds events is left alone unless --force (the demo's ids are derived from its refs: forcing adds nothing twice).
 */
async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force');
  const unknown = argv.filter((arg) => arg !== '--force');
  if (unknown.length > 0) {
    process.stderr.write(`demo : option inconnue ${unknown.join(' ')}\nUsage : npm run demo [-- --force]\n`);
    return 2;
  }
  process.env.CLOCK ||= DEMO_CLOCK;
  const config = loadConfig();
  const app = await createApp(config, { logger: new ConsoleLogger({ logLevels: ['error', 'warn'], json: true }), modules: readSideModules(config) });
  await app.init();
  try {
    if (!(await storeIsEmpty(app)) && !force) {
      process.stderr.write(`demo : ${config.dataDir} contient déjà des événements ; la démo ne s’importe que dans une installation vide (ou relancez avec -- --force).\n`);
      return 2;
    }
    process.stderr.write(`Démo « année 1 » dans ${config.dataDir} (horloge fixée au ${config.clock})\n`);
    let bar: ImportProgressBar | null = null;
    await loadDemoYear(app, {
      onStart: (kind, file) => {
        process.stderr.write(`\n${file} (${kind})\n`);
        bar = new ImportProgressBar();
      },
      onProgress: (job) => bar?.update(job),
      onDone: (job) => {
        bar?.stop();
        process.stderr.write(formatReport(job));
      },
    });
    process.stdout.write(
      [
        '',
        'La démo est chargée. Démarrez l’API et ouvrez le tableau de bord national :',
        `  CLOCK=${config.clock} npm start`,
        '  npm run token -- --role council --link     (affiche le lien de connexion)',
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`demo : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
