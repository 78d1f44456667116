import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@cafeia/config';
// the web app is the API's pages deployed on their own: the same modules, read services and scopes
import { createApp, jsonLogger } from '../../api/src/bootstrap';
import { readSideModules } from '../../api/src/read-side/read-side.module';

/**
 * At scale, the web app in its own process: the pages (and health, metrics) over the same read models as the
 * API replicas, following the projector's generations; its forms go through the same command pipeline. It never
 * projects (run it with the at-scale configuration: READ_MODELS=postgres, EVENT_STORE=eventstoredb, KAFKA_BROKERS).
 */
async function main() {
  const config = { ...loadConfig(), embeddedProjector: false };
  const app = await createApp(config, { logger: jsonLogger(), modules: readSideModules(config, 'web'), surface: 'web' });
  await app.listen(config.port, '0.0.0.0');
  new Logger('web').log({ msg: 'Café IA web app listening', port: config.port, readModels: config.readModels });
}

main().catch((error) => {
  // eslint-disable-next-line no-console
  console.error(JSON.stringify({ level: 'fatal', msg: 'the web app could not start', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
