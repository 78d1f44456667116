export { FakeTerritories } from './fake-territories';
export { EventLog, on } from './event-log';
export { InMemoryLogStore } from './in-memory-store';
export { freshReadSide, NOW, type ReadSide } from './read-side';
