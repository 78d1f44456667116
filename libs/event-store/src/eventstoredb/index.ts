// The test double (esdb-test-server.ts) is deliberately not exported here: it is not the product.
export { EventStoreDBEventStore, type EventStoreDBEventStoreOptions } from './eventstoredb-event-store';
