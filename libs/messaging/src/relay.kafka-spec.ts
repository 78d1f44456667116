/**
 * Against a real broker (KAFKA_BROKERS, e.g. from scripts/infra/kafka.sh start):
 *   KAFKA_BROKERS=127.0.0.1:29092 npx jest --testRegex 'kafka-spec' libs/messaging
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logLevel, type Consumer, type Kafka } from 'kafkajs';
import type { StoredEvent } from '@cafeia/event-store';
import { decode } from './envelope';
import { createKafka, KafkaPublisher, parseBrokers } from './kafka-publisher';
import { Relay, type RelayLogger } from './relay';
import { FileCheckpointStore } from './relay-checkpoint';
import { InMemoryEventStore } from '../test/in-memory-event-store';
import { aNewEvent } from '../test/sample-events';
import { waitFor } from '@cafeia/testing';

const brokersEnv = process.env.KAFKA_BROKERS;
if (!brokersEnv) {
  throw new Error('KAFKA_BROKERS is not set: start a broker with scripts/infra/kafka.sh start');
}
const brokers = parseBrokers(brokersEnv);

const EVENTS = 1_000;
const STREAMS = 40;
const PARTITIONS = 3;
const BATCH = 50;

const quiet: RelayLogger = { info: () => undefined, warn: (message) => console.warn(message) };

interface Received {
  event: StoredEvent;
  previousPosition: string | null;
  partition: number;
}

describe('the relay against a Kafka broker', () => {
  jest.setTimeout(120_000);

  let kafka: Kafka;
  let dir: string;
  let consumer: Consumer | null = null;
  const publishers: KafkaPublisher[] = [];
  const relays: Relay[] = [];
  const topics: string[] = [];

  beforeAll(() => {
    kafka = createKafka({ brokers, clientId: 'relay-kafka-spec', logLevel: logLevel.ERROR });
    dir = mkdtempSync(join(tmpdir(), 'relay-kafka-spec-'));
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.all(publishers.map((publisher) => publisher.disconnect()));
    await consumer?.disconnect();
    // the broker outlives the suite: leave no topic behind
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics }).finally(() => admin.disconnect());
    rmSync(dir, { recursive: true, force: true });
  });

  const startRelay = async (store: InMemoryEventStore, topic: string, checkpointPath: string) => {
    const publisher = new KafkaPublisher(kafka);
    publishers.push(publisher);
    const relay = new Relay({
      store,
      publisher,
      checkpoints: new FileCheckpointStore(checkpointPath),
      topic,
      batchSize: BATCH,
      logger: quiet,
    });
    relays.push(relay);
    await relay.start();
    return { relay, publisher };
  };

  it('delivers 1,000 events across a relay restart: none missing, each stream in order, duplicates counted', async () => {
    const topic = `cafeia-relay-spec-${randomUUID()}`;
    topics.push(topic);
    const checkpointPath = join(dir, `${topic}.checkpoint.json`);
    const store = new InMemoryEventStore();
    const streamIds = Array.from({ length: STREAMS }, () => `cafe-${randomUUID()}`);
    const append = async (from: number, to: number) => {
      for (let i = from; i < to; i++) await store.append(streamIds[i % STREAMS], [aNewEvent('CafeRescheduled', { i })], 'any');
    };

    const admin = new KafkaPublisher(kafka);
    publishers.push(admin);
    await expect(admin.ensureTopic(topic, PARTITIONS)).resolves.toBe(true);
    await expect(admin.ensureTopic(topic, PARTITIONS)).resolves.toBe(false);

    // first relay: half the log is there at start, more arrives while it runs, then it stops midway
    await append(0, 400);
    const first = await startRelay(store, topic, checkpointPath);
    await append(400, 600);
    await waitFor('the first relay to pass position 450', () => Number(first.relay.position ?? 0) >= 450, 60_000);
    await first.relay.stop();
    await first.publisher.disconnect();
    const checkpointAtStop = await new FileCheckpointStore(checkpointPath).load();
    expect(Number(checkpointAtStop)).toBeGreaterThanOrEqual(450);

    // the rest is appended while no relay runs; a new relay resumes from the checkpoint file
    await append(600, EVENTS);
    const second = await startRelay(store, topic, checkpointPath);
    await waitFor('the second relay to reach the head', () => second.relay.position === String(EVENTS), 60_000);
    expect(second.relay.relayed).toBe(EVENTS - Number(checkpointAtStop));

    // read the topic back from the beginning, every partition
    const received: Received[] = [];
    const refused: string[] = [];
    consumer = kafka.consumer({ groupId: `relay-spec-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen = new Set<string>();
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const decoded = decode(message);
        if (!decoded.ok) {
          refused.push(decoded.reason);
          return;
        }
        received.push({ event: decoded.event, previousPosition: decoded.previousPosition, partition });
        seen.add(decoded.event.eventId);
      },
    });
    await waitFor('every event to be consumed', () => seen.size === EVENTS || refused.length > 0, 60_000);

    expect(refused).toEqual([]);
    const expected = await store.readAll();
    expect([...seen].sort()).toEqual(expected.map((e) => e.eventId).sort());

    // per stream: in the order received, the first time each version shows up, versions count 0, 1, 2…
    const byStream = new Map<string, number[]>();
    for (const { event } of received) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.streamVersion]);
    for (const [streamId, versions] of byStream) {
      const firstSeen = versions.filter((v, i) => versions.indexOf(v) === i);
      expect({ streamId, firstSeen }).toEqual({ streamId, firstSeen: firstSeen.map((_, i) => i) });
      // a repeat may only replay a version already seen (at-least-once), never jump ahead
      let highest = -1;
      for (const v of versions) {
        expect(v).toBeLessThanOrEqual(highest + 1);
        highest = Math.max(highest, v);
      }
    }
    // a stream's events share one partition (keyed by stream), and the streams spread over partitions
    for (const streamId of streamIds) {
      expect(new Set(received.filter((r) => r.event.streamId === streamId).map((r) => r.partition)).size).toBe(1);
    }
    expect(new Set(received.map((r) => r.partition)).size).toBe(PARTITIONS);

    // the previous-position header chains the whole global log, across partitions and the restart
    const byPosition = new Map(received.map((r) => [r.event.position, r.previousPosition]));
    for (let position = 1; position <= EVENTS; position++) {
      expect(byPosition.get(String(position))).toBe(position === 1 ? null : String(position - 1));
    }

    const duplicates = received.length - seen.size;
    console.log(`relay kafka-spec: ${received.length} messages, ${seen.size} distinct events, ${duplicates} duplicates, checkpoint at restart ${checkpointAtStop}`);
    // resumed from the checkpoint, not from the start: at most one batch is repeated
    expect(duplicates).toBeLessThanOrEqual(BATCH);
  });
});
