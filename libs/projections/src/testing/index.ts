export { FakeTerritories } from './fake-territories';
export { EventLog, on } from './event-log';
export { InMemoryLogStore } from './in-memory-store';
