// The test double (testing/esdb-test-server.ts) is deliberately not exported here, nor built: it is not the product.
export { EventStoreDBEventStore, type EventStoreDBEventStoreOptions } from './eventstoredb-event-store';
