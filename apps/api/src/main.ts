import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@cafeia/config';
import { createApp, jsonLogger } from './bootstrap';
import { readSideModules } from './read-side/read-side.module';

async function main() {
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
}

main().catch((error) => {
  // eslint-disable-next-line no-console
  console.error(JSON.stringify({ level: 'fatal', msg: 'the API could not start', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
