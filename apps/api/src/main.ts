import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@cafeia/config';
import { createApp, jsonLogger } from './bootstrap';
import { readSideModules } from './read-side/read-side.module';
import { DEMO_CLOCK } from './imports/demo/demo-files';
import { loadDemoYear, storeIsEmpty } from './imports/demo/demo-loader';

async function main() {
  // `npm start -- --demo`: an empty store gets the demo year one, its clock pinned to the morning after (unless CLOCK is set)
  const demo = process.argv.includes('--demo');
  if (demo) process.env.CLOCK ||= DEMO_CLOCK;
  const config = loadConfig();
  const logger = jsonLogger();
  const app = await createApp(config, { logger, modules: readSideModules(config) });
  await app.listen(config.port, '0.0.0.0');
  new Logger('api').log({
    msg: 'Café IA impact API listening',
    port: config.port,
    dataDir: config.eventStore === 'sqlite' ? config.dataDir : undefined,
    eventStore: config.eventStore,
    readModels: config.readModels,
    kafka: Boolean(config.kafkaBrokers),
    docs: `http://localhost:${config.port}/docs`,
  });
  if (demo) void loadDemoIfEmpty(app);
}

/** the demo is imported while the API answers (the dashboards fill up as its files go in) */
async function loadDemoIfEmpty(app: Awaited<ReturnType<typeof createApp>>): Promise<void> {
  const logger = new Logger('demo');
  try {
    if (!(await storeIsEmpty(app))) {
      logger.warn({ msg: 'the store already holds events: the demo is not loaded (npm run demo -- --force loads it anyway)' });
      return;
    }
    logger.log({ msg: 'loading the demo year one through the import', clock: process.env.CLOCK });
    const jobs = await loadDemoYear(app, { onDone: (job) => logger.log({ msg: 'demo file imported', kind: job.kind, rows: job.rows, accepted: job.accepted, rejected: job.rejected }) });
    logger.log({ msg: 'the demo year one is loaded; sign in with the link of `npm run token -- --role council --link`', files: jobs.length });
  } catch (error) {
    logger.error({ msg: 'the demo could not be loaded', error: error instanceof Error ? error.message : String(error) });
  }
}

main().catch((error) => {
  // eslint-disable-next-line no-console
  console.error(JSON.stringify({ level: 'fatal', msg: 'the API could not start', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
