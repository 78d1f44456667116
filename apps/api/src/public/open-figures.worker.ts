import { parentPort } from 'node:worker_threads';
import { suppressFigures, type TerritoryFigures } from '@cafeia/publication';

/**
 * The suppression of the whole open-data table, off the API's event loop (it takes seconds to a minute on a
 * national table): one message in (the rows and the threshold), one message out (the published rows).
 */
parentPort?.on('message', (message: { rows: TerritoryFigures[]; minCell: number }) => {
  try {
    parentPort!.postMessage({ ok: true, published: suppressFigures(message.rows, { minCell: message.minCell }) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
