import { Kafka, logLevel as KafkaLogLevel, Partitioners, type Admin, type Producer } from 'kafkajs';

/** A message to publish: a kafkajs `Message` without the fields we never set. */
export interface PublishableMessage {
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string | Buffer>;
}

/** What the relay and the dead-letter helper need from a broker: the port, so tests can fake it. */
export interface MessagePublisher {
  /** resolves once the broker acknowledged every message (acks from all in-sync replicas); rejects otherwise */
  publish(topic: string, messages: PublishableMessage[]): Promise<void>;
}

export interface KafkaPublisherOptions {
  /** `host:port` strings, e.g. `KAFKA_BROKERS.split(',')` */
  brokers: string[];
  clientId?: string;
  logLevel?: KafkaLogLevel;
}

/** re-exported for the callers that already take it from here */
export { parseBrokers } from '@cafeia/config';

export function createKafka(options: KafkaPublisherOptions): Kafka {
  return new Kafka({
    clientId: options.clientId ?? 'cafeia-impact',
    brokers: options.brokers,
    logLevel: options.logLevel ?? KafkaLogLevel.WARN,
    // a broker restart must not end the process: keep retrying with kafkajs' own backoff, then let the
    // caller (the relay) retry the whole batch
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 8 },
  });
}

/**
 * A kafkajs producer set up for an ordered, at-least-once log without broker-side duplicates from its
 * own retries: idempotent, acks from all in-sync replicas, one request in flight (so a retried request
 * cannot overtake the next one). kafkajs' idempotent producer also holds a lock per broker around each
 * produce request and its sequence numbers: concurrent `publish` calls queue behind it, and a failed one
 * hands its sequence numbers to the next — callers that need order publish one batch after the other
 * (the relay does).
 */
export class KafkaPublisher implements MessagePublisher {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private connected = false;

  constructor(kafkaOrOptions: Kafka | KafkaPublisherOptions) {
    this.kafka = kafkaOrOptions instanceof Kafka ? kafkaOrOptions : createKafka(kafkaOrOptions);
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // the explicit choice also silences kafkajs' "default partitioner changed" warning
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }

  async publish(topic: string, messages: PublishableMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    // one request for the whole batch; the messages of one key keep their order within it
    await this.producer.sendBatch({ topicMessages: [{ topic, messages }], acks: -1 });
  }

  /**
   * Creates the topic with that many partitions when it does not exist (replication factor: the
   * broker's default). Returns true when it was created. An existing topic is left as it is: changing
   * the partition count would move keys to other partitions and break per-stream order.
   */
  async ensureTopic(name: string, partitions: number): Promise<boolean> {
    return ensureTopic(this.kafka, name, partitions);
  }
}

export async function ensureTopic(kafka: Kafka, name: string, partitions: number): Promise<boolean> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (existing.includes(name)) return false;
    // false also when another process created it between the two calls: that is fine
    return await admin.createTopics({
      topics: [{ topic: name, numPartitions: partitions, replicationFactor: -1 }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}
