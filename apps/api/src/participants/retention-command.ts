import 'reflect-metadata';
import { loadConfig } from '@cafeia/config';
import { ParticipantActivityQueries, READ_MODELS, readCheckpoint, WHOLE_LOG, type ReadModelDb } from '@cafeia/projections';
import { catalogFor } from '../read-side/read-model-source';
import { retentionCutoff } from './retention-policy';

const USAGE = 'usage: npm run retention -- --dry-run\n  counts the people the daily retention job of the API would erase now (RETENTION_MONTHS), and changes nothing';

/**
 * `npm run retention -- --dry-run`: how many people the retention job would erase if it ran now, read from the
 * current read models with the API's configuration (same environment). It writes nothing: the erasure itself
 * only runs inside the API (the embedded vault is opened by one process).
 */
export async function retentionCommand(argv: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  if (!argv.includes('--dry-run') || argv.some((arg) => arg !== '--dry-run')) {
    print(USAGE);
    return 2;
  }
  const config = loadConfig(env);
  if (config.retentionMonths === 0) {
    print('Retention is off (RETENTION_MONTHS=0): nobody would be erased.');
    return 0;
  }
  const cutoff = retentionCutoff(new Date(config.clock ?? Date.now()), config.retentionMonths);
  const catalog = catalogFor(config);
  try {
    const generation = await catalog.current();
    if (!generation) {
      print(JSON.stringify({ msg: 'retention dry run', retentionMonths: config.retentionMonths, cutoff: cutoff.toISOString(), wouldErase: 0, position: null }));
      print('No read models yet: nobody would be erased. Nothing was changed.');
      return 0;
    }
    const db = catalog.open<ReadModelDb>(generation);
    try {
      const count = await new ParticipantActivityQueries(db).countInactive(cutoff.getTime());
      const position = (await readCheckpoint(db, READ_MODELS, WHOLE_LOG))?.position ?? null;
      print(JSON.stringify({ msg: 'retention dry run', retentionMonths: config.retentionMonths, cutoff: cutoff.toISOString(), wouldErase: count, position }));
      print(`${count} ${count === 1 ? 'person' : 'people'} with no registration, enrolment nor attendance since ${cutoff.toISOString()} would be erased (RETENTION_MONTHS=${config.retentionMonths}). Nothing was changed.`);
      return 0;
    } finally {
      await db.destroy();
    }
  } finally {
    await catalog.close();
  }
}

if (require.main === module) {
  retentionCommand(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((error) => {
      process.stderr.write(`retention: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
