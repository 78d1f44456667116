import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { suppressFigures, type PublishedFigures, type TerritoryFigures } from '@cafeia/publication';

const WORKER = join(__dirname, 'open-figures.worker.js');

/**
 * Runs the suppression in a worker thread when the API runs compiled (dist/, where the worker is a .js file
 * beside this one), so that a national table (up to a minute) never blocks requests; from the sources (the
 * test runner) it runs in line, on tables that are small there.
 */
export function suppressOffThread(rows: TerritoryFigures[], minCell: number): Promise<PublishedFigures[]> {
  if (!existsSync(WORKER)) return Promise.resolve(suppressFigures(rows, { minCell }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (answer: { ok: true; published: PublishedFigures[] } | { ok: false; error: string }) => {
      void worker.terminate();
      if (answer.ok) resolve(answer.published);
      else reject(new Error(`open data suppression failed: ${answer.error}`));
    });
    worker.once('error', (error) => {
      void worker.terminate();
      reject(error);
    });
    worker.postMessage({ rows, minCell });
  });
}
