import { decode } from './envelope';
import type { MessagePublisher, PublishableMessage } from './kafka-publisher';
import { Relay, type RelayLogger } from './relay';
import { InMemoryCheckpointStore } from './relay-checkpoint';
import { InMemoryEventStore } from '../test/in-memory-event-store';
import { aNewEvent } from '../test/sample-events';
import { waitFor } from '@cafeia/testing';
import type { StoredEvent, SubscribeAllOptions, Subscription } from '@cafeia/event-store';

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
    return this.acknowledged.map(positionOf);
  }
}

/** A broker that holds each request until the test acknowledges or refuses it; counts requests outstanding at once. */
class GatedBroker implements MessagePublisher {
  readonly acknowledged: PublishableMessage[] = [];
  /** the positions of each request, in the order they were sent (retries included) */
  readonly calls: string[][] = [];
  outstanding = 0;
  maxOutstanding = 0;
  private readonly gates: { acknowledge: () => void; refuse: () => void }[] = [];

  publish(_topic: string, messages: PublishableMessage[]): Promise<void> {
    this.calls.push(messages.map(positionOf));
    this.outstanding += 1;
    this.maxOutstanding = Math.max(this.maxOutstanding, this.outstanding);
    return new Promise<void>((resolve, reject) =>
      this.gates.push({
        acknowledge: () => {
          this.outstanding -= 1;
          this.acknowledged.push(...messages);
          resolve();
        },
        refuse: () => {
          this.outstanding -= 1;
          reject(new Error('broker not available'));
        },
      }),
    );
  }

  get waiting(): number {
    return this.gates.length;
  }

  acknowledgeNext(): void {
    this.gates.shift()!.acknowledge();
  }

  refuseNext(): void {
    this.gates.shift()!.refuse();
  }

  get positions(): string[] {
    return this.acknowledged.map(positionOf);
  }
}


/** Records, at each save, any position at or before the saved one that the broker had not acknowledged yet. */
class AcknowledgedOnlyCheckpoints extends InMemoryCheckpointStore {
  readonly violations: string[] = [];
  down = false;
  constructor(private readonly broker: { positions: string[] }) {
    super();
  }
  override async save(position: string): Promise<void> {
    if (this.down) throw new Error('database not available');
    const acknowledged = new Set(this.broker.positions);
    for (let p = 1; p <= Number(position); p++) if (!acknowledged.has(String(p))) this.violations.push(`${position} saved before ${p} was acknowledged`);
    await super.save(position);
  }
}

/** counts the batches the relay took from its subscription (its handler resolved) */
class CountingStore extends InMemoryEventStore {
  taken = 0;
  override subscribeAll(handler: (batch: StoredEvent[]) => Promise<void>, options?: SubscribeAllOptions): Subscription {
    return super.subscribeAll(async (batch) => {
      await handler(batch);
      this.taken += 1;
    }, options);
  }
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 1));
};

/** the position of the event a message carries (in its value) */
function positionOf(m: PublishableMessage): string {
  return (JSON.parse(String(m.value)) as { position: string }).position;
}

const quiet: RelayLogger = { info: () => undefined, warn: () => undefined };

async function givenStoreWith<S extends InMemoryEventStore = InMemoryEventStore>(count: number, streams = 3, store: S = new InMemoryEventStore() as S): Promise<S> {
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

  it('reads ahead while the broker works, but sends one request at a time and never checkpoints past an unacknowledged one', async () => {
    const store = await givenStoreWith(16, 3, new CountingStore());
    const broker = new GatedBroker();
    const checkpoints = new AcknowledgedOnlyCheckpoints(broker);
    const relay = aRelay({ store, publisher: broker, checkpoints, maxInFlight: 3 });

    await relay.start();
    await waitFor('three batches taken while the first is unacknowledged', () => store.taken === 3);
    await turns(5);
    // the window is full: the fourth batch waits; only the first was sent; nothing is checkpointed
    expect(store.taken).toBe(3);
    expect(broker.calls).toEqual([positions(1, 4)]);
    expect(checkpoints.saved).toEqual([]);
    expect(relay.position).toBeNull();

    // the first request fails: it is sent again before anything after it, and the checkpoint stays
    broker.refuseNext();
    await waitFor('the retry', () => broker.calls.length === 2);
    expect(broker.calls[1]).toEqual(positions(1, 4));
    await turns(5);
    expect(broker.calls).toHaveLength(2);
    expect(checkpoints.saved).toEqual([]);

    broker.acknowledgeNext();
    await waitFor('the checkpoint of the first batch', () => relay.position === '4');
    await waitFor('the second request', () => broker.calls.length === 3);
    expect(broker.calls[2]).toEqual(positions(5, 8));
    expect(checkpoints.saved).toEqual(['4']);

    while (broker.positions.length < 16) {
      await waitFor('the next request', () => broker.waiting === 1);
      broker.acknowledgeNext();
    }
    await waitFor('the last checkpoint', () => relay.position === '16');

    expect(broker.positions).toEqual(positions(1, 16));
    expect(broker.maxOutstanding).toBe(1);
    expect(checkpoints.violations).toEqual([]);
    expect(checkpoints.saved.map(Number)).toEqual([...checkpoints.saved.map(Number)].sort((a, b) => a - b));
  });

  it('stops reading once maxInFlight batches wait for a checkpoint it cannot save, and catches up when it can', async () => {
    const store = await givenStoreWith(20);
    const broker = new FakeBroker();
    const checkpoints = new AcknowledgedOnlyCheckpoints(broker);
    checkpoints.down = true;
    const relay = aRelay({ store, publisher: broker, checkpoints, maxInFlight: 2 });

    await relay.start();
    await waitFor('two batches acknowledged', () => broker.acknowledged.length === 8);
    await turns(20);
    expect(broker.acknowledged).toHaveLength(8);
    expect(relay.position).toBeNull();

    checkpoints.down = false;
    await waitFor('the whole log checkpointed', () => relay.position === '20');
    expect(broker.positions).toEqual(positions(1, 20));
    expect(checkpoints.violations).toEqual([]);
  });

  it('stops after the request in flight, dropping the batches read ahead, and checkpoints what was acknowledged', async () => {
    const store = await givenStoreWith(16);
    const broker = new GatedBroker();
    const checkpoints = new AcknowledgedOnlyCheckpoints(broker);
    const relay = aRelay({ store, publisher: broker, checkpoints, maxInFlight: 4 });
    await relay.start();
    await waitFor('the first request', () => broker.waiting === 1);

    const stopped = relay.stop();
    broker.acknowledgeNext();
    await stopped;

    expect(broker.calls).toEqual([positions(1, 4)]);
    expect(checkpoints.saved).toEqual(['4']);
    expect(relay.position).toBe('4');
    await expect(relay.done).resolves.toBeUndefined();
  });
});
