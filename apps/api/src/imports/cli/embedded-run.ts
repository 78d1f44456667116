import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { loadConfig } from '@cafeia/config';
import { createApp } from '../../bootstrap';
import { readSideModules } from '../../read-side/read-side.module';
import type { ImportSubmission } from '../import.service';
import { EmbeddedImports } from './embedded-import';
import { followJob, formatRefusal } from './follow-job';
import type { ImportArgs } from './import-args';
import { exitCodeOf, formatReport } from './import-report';
import type { ImportProgressBar } from './progress-bar';

/**
 * The CLI without --url: the application started in this process on DATA_DIR (its read side projected here too, no
 * port opened), the file imported as the council. Its own module, loaded only then: an upload needs none of it.
 */
export async function runEmbedded(args: ImportArgs, bytes: Buffer, submission: ImportSubmission, bar: ImportProgressBar): Promise<number> {
  const config = loadConfig();
  const app = await createApp(config, { logger: new ConsoleLogger({ logLevels: ['error', 'warn'], json: true }), modules: readSideModules(config) });
  await app.init();
  try {
    const imports = new EmbeddedImports(app, { sub: args.sub, role: 'council' });
    const started = await imports.start(bytes, submission);
    if (!started.ok) {
      process.stderr.write(formatRefusal(started));
      return 2;
    }
    const job = await followJob(() => imports.read(started.id), (view) => bar.update(view), 200);
    bar.stop();
    process.stdout.write(formatReport(job));
    return exitCodeOf(job);
  } finally {
    await app.close();
  }
}
