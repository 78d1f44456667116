/**
 * pipelineEventsPerSec: the scale-out path end to end — SQLite store → relay (apps/relay) → Kafka →
 * projector (apps/projector, one consumer group member) → PostgreSQL read models — each a process of its
 * own, as deployed. The rate is the projector's "applied up to" watermark (its /status) moving from 10 %
 * to 100 % of the events measured (the first `events` of the store): the steady state, not the start-up.
 * projectorPeakRssMb: the projector's resident high-water mark (VmHWM) over that catch-up.
 *
 * relayEventsPerSec: the relay's checkpoint (its file in DATA_DIR: every event up to it acknowledged by
 * the broker) over the same stretch, 10 % to 100 %, sampled beside the projector's watermark. The two
 * side by side say which process limits: a relay much faster than the pipeline means the projector is
 * behind (the lag grows); a relay no faster than the pipeline means the projector waits for it. The
 * details keep a sample of both positions every second, the lag, and the CPU seconds each process
 * used over the stretch (user + system, /proc/<pid>/stat): on a shared machine the CPU per event is
 * steadier than a rate.
 *
 * rawKafkaProducePerSec: the limit on the Kafka leg — the same messages (the relay's own envelopes of the
 * first events of the store) sent by a kafkajs producer with the relay's settings (idempotent, acks from
 * all replicas, one request in flight, batches of 500), with no store and no checkpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { SqliteEventStore } from '@cafeia/event-store';
import { createKafka, encodeBatch, KafkaPublisher } from '@cafeia/messaging';
import { distFile, sleep, startProcess } from '../support/children';
import { Progress } from '../support/progress';
import { processPeakRssMb } from '../support/rss';
import { rate } from './append';

/** one position of each side, sampled every second: seconds since both started, relay checkpoint, projector watermark */
type PositionSample = [seconds: number, relay: number, projector: number];

/** at most this many of the samples are kept in the results (evenly spaced, the last one included) */
const SAMPLES_KEPT = 40;

export interface PipelineResults {
  pipelineEventsPerSec: number;
  pipelineEvents: number;
  pipelineSeconds: number;
  relayEventsPerSec: number;
  relaySeconds: number;
  /** which side holds the pipeline back, from the two rates and the lag (see limitOf) */
  limitedBy: 'relay' | 'projector';
  limitReason: string;
  /** events the projector's watermark was behind the relay's checkpoint: when the relay reached the end, and at most */
  lagWhenRelayDone: number;
  maxLag: number;
  /** CPU seconds (user + system) over each side's stretch from 10 % to 100 %, and per 1,000 events */
  relayCpuSeconds: number | null;
  projectorCpuSeconds: number | null;
  relayCpuMsPer1000Events: number | null;
  projectorCpuMsPer1000Events: number | null;
  /** relayEventsPerSec ÷ rawKafkaProducePerSec (the relay's own Kafka leg against the bare producer) */
  relayVsRawKafka: number | null;
  /** "<seconds> s: relay <checkpoint>, projector <watermark>", every second, thinned to SAMPLES_KEPT */
  samples: string[];
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
  const relayCheckpointFile = join(options.dataDir, `relay-${topic}.checkpoint.json`);
  const projectorSide = new Side(target, projector.child.pid!);
  const relaySide = new Side(target, relay.child.pid!);
  const samples: PositionSample[] = [];
  const started = performance.now();
  let lagWhenRelayDone: number | null = null;
  let maxLag = 0;
  let projectorPeak: number | null = null;
  let relayPeak: number | null = null;
  const deadline = Date.now() + options.timeoutMs;
  try {
    for (;;) {
      if (projector.child.exitCode !== null) throw new Error(`the projector stopped: ${projector.log().slice(-1500)}`);
      if (relay.child.exitCode !== null) throw new Error(`the relay stopped: ${relay.log().slice(-1500)}`);
      if (Date.now() > deadline) {
        throw new Error(`the pipeline did not reach ${target} events in time (projector at ${projectorSide.position}, relay at ${relaySide.position}); projector: ${projector.log().slice(-800)}`);
      }
      const position = await appliedUpTo(projectorPort);
      const relayed = relayCheckpoint(relayCheckpointFile);
      const now = performance.now();
      projectorPeak = processPeakRssMb(projector.child.pid!) ?? projectorPeak;
      relayPeak = processPeakRssMb(relay.child.pid!) ?? relayPeak;
      if (relayed !== null) relaySide.observe(relayed, now);
      if (position !== null) {
        progress.update(Math.min(position, target));
        projectorSide.observe(position, now);
      }
      const lag = Math.max(0, Math.min(relaySide.position, target) - projectorSide.position);
      maxLag = Math.max(maxLag, lag);
      if (lagWhenRelayDone === null && relaySide.to) lagWhenRelayDone = lag;
      const seconds = Math.floor((now - started) / 1000);
      if (samples.length === 0 || samples[samples.length - 1][0] < seconds) samples.push([seconds, relaySide.position, projectorSide.position]);
      if (projectorSide.to) break;
      await sleep(200);
    }
  } finally {
    progress.done(projectorSide.to?.position ?? projectorSide.from?.position ?? 0);
    await relay.stop();
    await projector.stop();
  }
  const pipelineEvents = projectorSide.events;
  const pipelineMs = projectorSide.ms;
  const pipelineEventsPerSec = rate(pipelineEvents, pipelineMs);
  const relayEventsPerSec = rate(relaySide.events, relaySide.ms);
  const limit = limitOf(relayEventsPerSec, pipelineEventsPerSec, lagWhenRelayDone ?? 0, target);

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

  const cpuMsPer1000 = (side: Side) => (side.cpuSeconds === null || side.events === 0 ? null : Math.round((side.cpuSeconds * 10_000_000) / side.events) / 10);
  return {
    pipelineEventsPerSec,
    pipelineEvents,
    pipelineSeconds: Math.round(pipelineMs / 100) / 10,
    relayEventsPerSec,
    relaySeconds: Math.round(relaySide.ms / 100) / 10,
    limitedBy: limit.side,
    limitReason: limit.reason,
    lagWhenRelayDone: lagWhenRelayDone ?? 0,
    maxLag,
    relayCpuSeconds: relaySide.cpuSeconds,
    projectorCpuSeconds: projectorSide.cpuSeconds,
    relayCpuMsPer1000Events: cpuMsPer1000(relaySide),
    projectorCpuMsPer1000Events: cpuMsPer1000(projectorSide),
    relayVsRawKafka: raw ? Math.round((relayEventsPerSec / raw.perSec) * 100) / 100 : null,
    samples: thin(samples, SAMPLES_KEPT).map(([seconds, relayed, applied]) => `${seconds} s: relay ${relayed}, projector ${applied}`),
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

/**
 * One side's position over the run: when it first reached 10 % of the target and when it reached the
 * target, with the process's CPU time at both moments.
 */
class Side {
  position = 0;
  from: { at: number; position: number; cpu: number | null } | null = null;
  to: { at: number; position: number; cpu: number | null } | null = null;

  constructor(
    private readonly target: number,
    private readonly pid: number,
  ) {}

  observe(position: number, at: number): void {
    this.position = Math.max(this.position, position);
    if (!this.from && position >= this.target * 0.1) this.from = { at, position, cpu: processCpuSeconds(this.pid) };
    if (!this.to && position >= this.target) this.to = { at, position, cpu: processCpuSeconds(this.pid) };
  }

  get events(): number {
    return this.to && this.from ? this.to.position - this.from.position : 0;
  }

  get ms(): number {
    return this.to && this.from ? this.to.at - this.from.at : 0;
  }

  get cpuSeconds(): number | null {
    if (!this.to || !this.from || this.to.cpu === null || this.from.cpu === null) return null;
    return Math.round((this.to.cpu - this.from.cpu) * 100) / 100;
  }
}

/**
 * Which side limits. The projector cannot go faster than what the relay hands it: when the relay is not
 * clearly faster (by a quarter) the projector was waiting for it; when it is, the watermark trails a
 * checkpoint that ran ahead, and the lag when the relay reached the end says by how much.
 */
export function limitOf(relayPerSec: number, pipelinePerSec: number, lagWhenRelayDone: number, target: number): { side: 'relay' | 'projector'; reason: string } {
  if (relayPerSec >= pipelinePerSec * 1.25) {
    return {
      side: 'projector',
      reason: `the relay ran ${(relayPerSec / Math.max(1, pipelinePerSec)).toFixed(1)}× faster than the projector; ${Math.round((lagWhenRelayDone / target) * 100)} % of the events were still to apply when the relay was done`,
    };
  }
  return {
    side: 'relay',
    reason: `the projector kept up with the relay (the relay ${(relayPerSec / Math.max(1, pipelinePerSec)).toFixed(2)}× the pipeline's rate; ${lagWhenRelayDone} events behind when the relay was done)`,
  };
}

function thin<T>(items: T[], keep: number): T[] {
  if (items.length <= keep) return items;
  const step = (items.length - 1) / (keep - 1);
  return Array.from({ length: keep }, (_, i) => items[Math.round(i * step)]);
}

/** the relay's checkpoint file (FileCheckpointStore: written to a temporary file and renamed), or null before its first save */
function relayCheckpoint(file: string): number | null {
  try {
    const { position } = JSON.parse(readFileSync(file, 'utf8')) as { position?: string };
    return position ? Number(position) : null;
  } catch {
    return null;
  }
}

/** user + system CPU seconds of a process (/proc/<pid>/stat, fields 14 and 15, in clock ticks of 1/100 s), or null when it is gone */
function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
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
