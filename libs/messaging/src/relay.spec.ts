import { decode } from './envelope';
import type { MessagePublisher, PublishableMessage } from './kafka-publisher';
import { Relay, type RelayLogger } from './relay';
import { InMemoryCheckpointStore } from './relay-checkpoint';
import { InMemoryEventStore } from '../test/in-memory-event-store';
import { aNewEvent } from '../test/sample-events';
import { waitFor } from '@cafeia/testing';

/** A broker stand-in: records acknowledged messages; can be told to refuse the next calls. */
class FakeBroker implements MessagePublisher {
  readonly acknowledged: PublishableMessage[] = [];
  calls = 0;
  failNext = 0;
  down = false;

  async publish(_topic: string, messages: PublishableMessage[]): Promise<void> {
    this.calls += 1;
    if (this.down || this.failNext > 0) {
      this.failNext = Math.max(0, this.failNext - 1);
      throw new Error('broker not available');
    }
    this.acknowledged.push(...messages);
  }

  get positions(): string[] {
    return this.acknowledged.map((m) => m.headers?.cafeia_position?.toString() ?? '?');
  }
}

const quiet: RelayLogger = { info: () => undefined, warn: () => undefined };

async function givenStoreWith(count: number, streams = 3): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  for (let i = 0; i < count; i++) await store.append(`cafe-${i % streams}`, [aNewEvent()], 'any');
  return store;
}

const positions = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('the relay', () => {
  const relays: Relay[] = [];
  const aRelay = (options: Partial<ConstructorParameters<typeof Relay>[0]> & Pick<ConstructorParameters<typeof Relay>[0], 'store' | 'publisher' | 'checkpoints'>) => {
    const relay = new Relay({ topic: 'events', batchSize: 4, backoff: { initialMs: 1, maxMs: 5 }, logger: quiet, ...options });
    relays.push(relay);
    return relay;
  };
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  });

  it('publishes the whole log in order, keyed by stream, and checkpoints the last position', async () => {
    const store = await givenStoreWith(10);
    const broker = new FakeBroker();
    const checkpoints = new InMemoryCheckpointStore();

    await aRelay({ store, publisher: broker, checkpoints }).start();
    await waitFor('the log to be relayed', () => broker.acknowledged.length === 10);

    expect(broker.positions).toEqual(positions(1, 10));
    const decoded = broker.acknowledged.map((m) => decode({ key: m.key, value: m.value, headers: m.headers }));
    expect(decoded.every((d) => d.ok)).toBe(true);
    expect(broker.acknowledged.map((m) => m.key)).toEqual((await store.readAll()).map((e) => e.streamId));
    expect(broker.acknowledged.map((m) => m.headers?.cafeia_previous_position)).toEqual([undefined, ...positions(1, 9)]);
    await waitFor('the checkpoint', async () => (await checkpoints.load()) === '10');
  });

  it('resumes after its checkpoint, chaining the first previous position to it', async () => {
    const store = await givenStoreWith(10);
    const broker = new FakeBroker();

    await aRelay({ store, publisher: broker, checkpoints: new InMemoryCheckpointStore('6') }).start();
    await waitFor('the rest of the log', () => broker.acknowledged.length === 4);

    expect(broker.positions).toEqual(positions(7, 10));
    expect(broker.acknowledged[0].headers?.cafeia_previous_position).toBe('6');
  });

  it('relays events appended while it runs', async () => {
    const store = await givenStoreWith(2);
    const broker = new FakeBroker();
    await aRelay({ store, publisher: broker, checkpoints: new InMemoryCheckpointStore() }).start();
    await waitFor('the first events', () => broker.acknowledged.length === 2);

    await store.append('cafe-9', [aNewEvent(), aNewEvent()], 'no_stream');
    await waitFor('the live events', () => broker.acknowledged.length === 4);

    expect(broker.positions).toEqual(positions(1, 4));
  });

  it('retries a refused batch until the broker takes it, skipping nothing, and checkpoints only acknowledged events', async () => {
    const store = await givenStoreWith(8);
    const broker = new FakeBroker();
    broker.failNext = 3;
    const checkpoints = new InMemoryCheckpointStore();

    await aRelay({ store, publisher: broker, checkpoints }).start();
    await waitFor('the log to be relayed', () => broker.acknowledged.length === 8);

    expect(broker.calls).toBe(3 + 2);
    expect(broker.positions).toEqual(positions(1, 8));
    expect(checkpoints.saved).toEqual(['4', '8']);
  });

  it('keeps its checkpoint where it was when stopped during a broker outage', async () => {
    const store = await givenStoreWith(8);
    const broker = new FakeBroker();
    const checkpoints = new InMemoryCheckpointStore();
    const relay = aRelay({ store, publisher: broker, checkpoints, batchSize: 8 });
    broker.down = true;

    await relay.start();
    await waitFor('a few refused attempts', () => broker.calls >= 3);
    await relay.stop();

    expect(checkpoints.saved).toEqual([]);
    expect(relay.position).toBeNull();
    await expect(relay.done).resolves.toBeUndefined();
  });

  it('does not publish again what a previous relay acknowledged, once restarted from the same checkpoint', async () => {
    const store = await givenStoreWith(6);
    const broker = new FakeBroker();
    const checkpoints = new InMemoryCheckpointStore();
    const first = aRelay({ store, publisher: broker, checkpoints });
    await first.start();
    await waitFor('the log', () => broker.acknowledged.length === 6);
    await first.stop();

    await store.append('cafe-0', [aNewEvent()], 'any');
    await aRelay({ store, publisher: broker, checkpoints }).start();
    await waitFor('the new event', () => broker.acknowledged.length >= 7);

    expect(broker.positions).toEqual(positions(1, 7));
  });
});
