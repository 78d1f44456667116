export * from './event-store.port';
export * from './chain-hash';
export * from './event-id';
export * from './command-pipeline';
export * from './state-cache';
export * from './sqlite/sqlite-event-store';
// the contract suite (`./testing/event-store.contract`) uses jest globals: import it by path from specs
export { StreamLocks } from './stream-locks';
