import { parentPort, workerData } from 'node:worker_threads';
import { Channel, Handlers, SerializedError, serializeError } from './channel';

/**
 * The worker side of `startThread`: builds its handlers (opening what it needs), says it is ready, and
 * answers calls. A `stop` handler, when given, is awaited before the thread is terminated.
 */
export function serveThread<Data>(build: (data: Data, channel: Channel) => Promise<Handlers>, options: { revive?: (error: SerializedError) => Error } = {}): void {
  if (!parentPort) throw new Error('serveThread: not in a worker thread');
  const port = parentPort;
  const handlers: Handlers = {};
  const channel = new Channel(port, handlers, options.revive);
  build(workerData as Data, channel).then(
    (built) => {
      Object.assign(handlers, built);
      channel.emit('ready');
    },
    (error: unknown) => channel.emit('failed-to-start', serializeError(error)),
  );
}
