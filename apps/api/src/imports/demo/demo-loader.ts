import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE } from '../../infrastructure/tokens';
import type { EventStore } from '@cafeia/event-store';
import { EmbeddedImports } from '../cli/embedded-import';
import { followJob, formatRefusal } from '../cli/follow-job';
import type { JobView } from '../cli/import-report';
import { DEMO_FILES, DEMO_IMPORTS } from './demo-files';

/** the demo's importer: its refs (and so the ids) are the same on every machine, so loading it twice adds nothing */
export const DEMO_PRINCIPAL = { sub: 'demo:year-one', role: 'council' as const };

/** demo/ at the root of the repository, from the sources or from dist/ */
export function demoDir(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'demo', DEMO_FILES.structures))) return join(dir, 'demo');
    if (dirname(dir) === dir) throw new Error('the demo files (demo/structures.csv…) were not found: run npm run demo:generate');
  }
}

export async function storeIsEmpty(app: INestApplication): Promise<boolean> {
  return (await app.get<EventStore>(EVENT_STORE).headPosition()) === null;
}

/**
 * The demo year one, loaded through the import like any file: structures, animators, cafés, then attendance (named
 * people, then anonymous headcounts), each job run to its end before the next (each names rows of the ones before).
 */
export async function loadDemoYear(app: INestApplication, options: { dir?: string; onStart?: (kind: string, file: string) => void; onProgress?: (job: JobView) => void; onDone?: (job: JobView) => void } = {}): Promise<JobView[]> {
  const dir = options.dir ?? demoDir();
  const imports = new EmbeddedImports(app, DEMO_PRINCIPAL);
  const jobs: JobView[] = [];
  for (const { kind, file } of DEMO_IMPORTS) {
    options.onStart?.(kind, file);
    const started = await imports.start(readFileSync(join(dir, file)), { kind, dryRun: false });
    if (!started.ok) throw new Error(`${file} : ${formatRefusal(started)}`);
    const job = await followJob(() => imports.read(started.id), (view) => options.onProgress?.(view), 250);
    options.onDone?.(job);
    if (job.status !== 'done') throw new Error(`${file} : l’import a échoué : ${job.problem?.detail}`);
    jobs.push(job);
  }
  return jobs;
}
