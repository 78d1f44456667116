/** Worker threads for what must not run on the API's event loop: calls and events both ways, from the build or the sources. */
export { Channel, RemoteError, serializeError } from './channel';
export type { Handlers, SerializedError } from './channel';
export { startThread } from './start-thread';
export type { StartedThread } from './start-thread';
export { serveThread } from './serve-thread';
