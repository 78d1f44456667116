/**
 * pipelineEventsPerSec: the scale-out path end to end — SQLite store → relay (apps/relay) → Kafka →
 * projector (apps/projector, one consumer group member) → PostgreSQL read models — each a process of its
 * own, as deployed. The rate is the projector's "applied up to" watermark (its /status) moving from 10 %
 * to 100 % of the events measured (the first `events` of the store): the steady state, not the start-up.
 * projectorPeakRssMb: the projector's resident high-water mark (VmHWM) over that catch-up.
 *
 * rawKafkaProducePerSec: the limit on the Kafka leg — the same messages (the relay's own envelopes of the
 * first events of the store) sent by a kafkajs producer with the relay's settings (idempotent, acks from
 * all replicas, one request in flight, batches of 500), with no store and no checkpoint.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { SqliteEventStore } from '@cafeia/event-store';
import { createKafka, encodeBatch, KafkaPublisher } from '@cafeia/messaging';
import { distFile, sleep, startProcess } from '../support/children';
import { Progress } from '../support/progress';
import { processPeakRssMb } from '../support/rss';
import { rate } from './append';

export interface PipelineResults {
  pipelineEventsPerSec: number;
  pipelineEvents: number;
  pipelineSeconds: number;
  projectorPeakRssMb: number | null;
  relayPeakRssMb: number | null;
  rawKafkaProducePerSec: number | null;
  rawKafkaProduceEvents: number;
  rawKafkaProduceLargeBatchPerSec: number | null;
  rawKafkaProduceNote: string | null;
  partitions: number;
}

export async function measurePipeline(options: {
  dataDir: string;
  brokers: string;
  postgresUrl: string;
  events: number;
  rawProduceEvents: number;
  timeoutMs: number;
}): Promise<PipelineResults> {
  const tag = Date.now().toString(36);
  const topic = `bench.events.${tag}`;
  const partitions = 6;
  const database = `cafeia_bench_${tag}`;
  const adminUrl = options.postgresUrl;
  const url = withDatabase(adminUrl, database);
  await pgAdmin(adminUrl, `CREATE DATABASE ${database}`);
  const kafka = createKafka({ brokers: options.brokers.split(','), clientId: 'cafeia-bench' });
  const publisher = new KafkaPublisher(kafka);
  await publisher.ensureTopic(topic, partitions);

  const common = { KAFKA_BROKERS: options.brokers, KAFKA_TOPIC: topic, KAFKAJS_NO_PARTITIONER_WARNING: '1' };
  const projectorPort = 39_410;
  const projector = startProcess(distFile('apps', 'projector', 'src', 'main.js'), {
    ...common,
    KAFKA_GROUP_ID: `bench-projector-${tag}`,
    READ_MODELS: 'postgres',
    DATABASE_URL: url,
    PROJECTOR_PORT: String(projectorPort),
    EVENT_STORE: '',
    DATA_DIR: options.dataDir,
  });
  // the relay keeps its checkpoint and lock in files named after the topic, in DATA_DIR
  const relay = startProcess(distFile('apps', 'relay', 'src', 'main.js'), { ...common, KAFKA_PARTITIONS: String(partitions), EVENT_STORE: 'sqlite', DATA_DIR: options.dataDir, DATABASE_URL: '' });

  const target = options.events;
  const progress = new Progress('pipeline', target);
  let from: { at: number; position: number } | null = null;
  let to: { at: number; position: number } | null = null;
  let projectorPeak: number | null = null;
  let relayPeak: number | null = null;
  const deadline = Date.now() + options.timeoutMs;
  try {
    for (;;) {
      if (projector.child.exitCode !== null) throw new Error(`the projector stopped: ${projector.log().slice(-1500)}`);
      if (relay.child.exitCode !== null) throw new Error(`the relay stopped: ${relay.log().slice(-1500)}`);
      if (Date.now() > deadline) throw new Error(`the pipeline did not reach ${target} events in time (at ${from?.position ?? 0}); projector: ${projector.log().slice(-800)}`);
      const position = await appliedUpTo(projectorPort);
      const now = performance.now();
      projectorPeak = processPeakRssMb(projector.child.pid!) ?? projectorPeak;
      relayPeak = processPeakRssMb(relay.child.pid!) ?? relayPeak;
      if (position !== null) {
        progress.update(Math.min(position, target));
        if (!from && position >= target * 0.1) from = { at: now, position };
        if (position >= target) {
          to = { at: now, position };
          break;
        }
      }
      await sleep(200);
    }
  } finally {
    progress.done(to?.position ?? from?.position ?? 0);
    await relay.stop();
    await projector.stop();
  }
  const pipelineEvents = to!.position - from!.position;
  const pipelineMs = to!.at - from!.at;

  // the Kafka leg alone
  let raw: { perSec: number; largeBatchPerSec: number | null; events: number } | null = null;
  let rawNote: string | null = null;
  try {
    raw = await rawProduce(join(options.dataDir, 'events.db'), publisher, `bench.raw.${tag}`, partitions, options.rawProduceEvents);
  } catch (error) {
    rawNote = `not measured: ${(error as Error).message}`;
  }
  await publisher.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic, `bench.raw.${tag}`] }).catch(() => undefined);
  await admin.disconnect();
  await pgAdmin(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);

  return {
    pipelineEventsPerSec: rate(pipelineEvents, pipelineMs),
    pipelineEvents,
    pipelineSeconds: Math.round(pipelineMs / 100) / 10,
    projectorPeakRssMb: projectorPeak,
    relayPeakRssMb: relayPeak,
    rawKafkaProducePerSec: raw?.perSec ?? null,
    rawKafkaProduceEvents: raw?.events ?? 0,
    rawKafkaProduceLargeBatchPerSec: raw?.largeBatchPerSec ?? null,
    rawKafkaProduceNote: rawNote,
    partitions,
  };
}

async function rawProduce(storeFile: string, publisher: KafkaPublisher, topic: string, partitions: number, events: number) {
  const store = new SqliteEventStore(storeFile);
  const stored = await store.readAll({ limit: events });
  await store.close();
  const messages = encodeBatch(stored, null);
  await publisher.ensureTopic(topic, partitions);
  await publisher.publish(topic, messages.slice(0, 10)); // connect and warm up outside the timing
  const timed = async (name: string, batch: number) => {
    const t = performance.now();
    for (let i = 0; i < messages.length; i += batch) await publisher.publish(name, messages.slice(i, i + batch));
    return performance.now() - t;
  };
  const ms = await timed(topic, 500);
  // what larger requests would buy (2,000 messages ≈ 400 kB per partition, under the broker's 1 MB limit)
  let largeBatchPerSec: number | null = null;
  try {
    largeBatchPerSec = rate(messages.length, await timed(topic, 2000));
  } catch {
    largeBatchPerSec = null;
  }
  return { perSec: rate(messages.length, ms), largeBatchPerSec, events: messages.length };
}

async function appliedUpTo(port: number): Promise<number | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/status`);
    if (response.status !== 200) return null;
    const body = (await response.json()) as { appliedUpTo?: { position?: string | null } };
    const position = body.appliedUpTo?.position;
    return position ? Number(position) : 0;
  } catch {
    return null;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function pgAdmin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
