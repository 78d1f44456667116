import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopic, encode } from '@cafeia/messaging';
import type { StoredEvent } from '@cafeia/event-store';

export interface SentMessage {
  kind: string;
  partition: number;
  offset: string;
}

const kafkaFor = (brokers: string[]) => new Kafka({ clientId: 'cafeia-scale-test', brokers, logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 200 } });

/**
 * Puts on the topic what a projector must refuse without stopping: a truncated payload, an event of a
 * type nobody knows, and JSON of another schema. Each is keyed like a real stream so that it lands
 * between real events of some partition.
 */
export async function sendInvalidMessages(brokers: string[], topic: string, sample: StoredEvent): Promise<SentMessage[]> {
  const producer = kafkaFor(brokers).producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const real = encode(sample, null);
    const unknownType = encode({ ...sample, eventId: '7b0f8b7e-0000-4000-8000-000000000001', type: 'CafeTeleported', position: '999999999999' }, sample.position);
    const messages = [
      { kind: 'truncated payload', message: { key: real.key, value: real.value.slice(0, Math.floor(real.value.length / 2)), headers: real.headers } },
      { kind: 'unknown type', message: unknownType },
      { kind: 'wrong schema', message: { key: real.key, value: JSON.stringify({ id: 1, hello: 'world', attendees: 12 }) } },
      { kind: 'not JSON at all', message: { key: 'cafe-x', value: Buffer.from([0xff, 0xfe, 0x00, 0x01]) } },
    ];
    const sent: SentMessage[] = [];
    for (const { kind, message } of messages) {
      const [metadata] = await producer.send({ topic, messages: [message], acks: -1 });
      sent.push({ kind, partition: metadata.partition, offset: metadata.baseOffset ?? '?' });
    }
    return sent;
  } finally {
    await producer.disconnect();
  }
}

export interface DeadLetter {
  partition: number;
  offset: string;
  reason: string;
}

/** Reads the dead-letter topic from its beginning until `expected` distinct originals are seen (or the timeout). */
export async function readDeadLetters(brokers: string[], topic: string, expected: number, timeoutMs: number): Promise<DeadLetter[]> {
  const consumer = kafkaFor(brokers).consumer({ groupId: `scale-test-dlq-${Date.now()}`, sessionTimeout: 10_000 });
  const seen = new Map<string, DeadLetter>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [deadLetterTopic(topic)], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const header = (name: string) => message.headers?.[name]?.toString() ?? '';
        const letter = { partition: Number(header(DEAD_LETTER_HEADERS.originalPartition)), offset: header(DEAD_LETTER_HEADERS.originalOffset), reason: header(DEAD_LETTER_HEADERS.reason) };
        seen.set(`${letter.partition}:${letter.offset}`, letter);
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (seen.size < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    return [...seen.values()];
  } finally {
    await consumer.disconnect();
  }
}

export async function deleteTopics(brokers: string[], topics: string[]): Promise<void> {
  const admin = kafkaFor(brokers).admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    const doomed = topics.filter((t) => existing.includes(t));
    if (doomed.length) await admin.deleteTopics({ topics: doomed });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteGroup(brokers: string[], groupId: string): Promise<void> {
  const admin = kafkaFor(brokers).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
