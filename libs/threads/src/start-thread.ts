import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Channel, Handlers, SerializedError } from './channel';

export interface StartedThread {
  channel: Channel;
  worker: Worker;
  /** asks the thread to end (its `stop` handler, when it has one), then terminates it */
  stop(): Promise<void>;
}

/**
 * Starts `entry` (a path without extension) in a worker thread and resolves once the thread said it is
 * ready (`serveThread`), or rejects with the error of its start-up. From the build (`dist/…/entry.js`) the
 * compiled file runs as it is; from the sources (jest, which runs TypeScript through swc in its own module
 * system, not in threads) a small bootstrap registers swc and the `@cafeia/*` aliases in the thread first.
 */
export async function startThread(
  entry: string,
  options: { workerData?: unknown; handlers?: Handlers; revive?: (error: SerializedError) => Error; resourceLimits?: { maxOldGenerationSizeMb?: number } } = {},
): Promise<StartedThread> {
  const compiled = `${entry}.js`;
  const worker = existsSync(compiled)
    ? new Worker(compiled, { workerData: options.workerData, resourceLimits: options.resourceLimits })
    : new Worker(`require(${JSON.stringify(join(__dirname, 'ts-register.js'))}); require(${JSON.stringify(`${entry}.ts`)});`, {
        eval: true,
        workerData: options.workerData,
        resourceLimits: options.resourceLimits,
      });
  const channel = new Channel(worker, options.handlers, options.revive);
  let exited = false;
  const gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    const early = (code: number) => reject(new Error(`thread ${entry} exited with ${code} while starting`));
    worker.once('error', fail);
    worker.once('exit', early);
    channel.on('ready', () => {
      worker.off('error', fail);
      worker.off('exit', early);
      resolve();
    });
    channel.on<SerializedError>('failed-to-start', (error) => {
      void worker.terminate();
      reject(Object.assign(new Error(error.message), { name: error.name }, error.fields));
    });
  });
  worker.once('exit', (code) => {
    exited = true;
    channel.close(new Error(`thread ${entry} exited (${code})`));
  });
  worker.on('error', () => undefined); // reported to the calls in flight by the exit
  return {
    channel,
    worker,
    stop: async () => {
      if (exited) return;
      try {
        await Promise.race([channel.call('stop'), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      } catch {
        // no stop handler, or it failed: terminate anyway
      }
      await worker.terminate();
      await gone;
    },
  };
}
