import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { BatchHandler } from './batch-handler';
import { describeError, type JsonLog } from '@cafeia/observability';
import type { ProjectorMetrics } from './projector-metrics';

export interface KafkaProjectorOptions {
  kafka: Kafka;
  topic: string;
  groupId: string;
  sessionTimeoutMs: number;
  /** partitions whose batches are applied at once (the engine locks the rows shared writers fold) */
  partitionsConsumedConcurrently?: number;
  handler: BatchHandler;
  log: JsonLog;
  metrics: ProjectorMetrics;
}

/**
 * The consumer group member: batches in, offsets committed only after the batch is applied and the
 * watermark recorded (manual commits, no auto-resolve). If kafkajs gives up on the consumer (a broker
 * away longer than its retries), a new consumer is started after a pause rather than ending the
 * process: the committed offsets say where to resume.
 */
export class KafkaProjector {
  private consumer: Consumer | null = null;
  private stopped = false;
  private joined = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private batches = 0;

  constructor(private readonly options: KafkaProjectorOptions) {}

  get ready(): boolean {
    return this.joined;
  }

  async start(): Promise<void> {
    const { kafka, groupId, sessionTimeoutMs, topic, log } = this.options;
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeoutMs / 10)),
      // a batch is applied in one transaction: keep it to a few thousand events
      maxBytesPerPartition: 2 * 1024 * 1024,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.joined = true;
      log.info('joined the consumer group', { groupId, memberId: payload.memberId, assignment: payload.memberAssignment });
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.joined = false;
      log.error('consumer crashed', { error: describeError(payload.error), restartedByKafkajs: payload.restart });
      if (!payload.restart) this.restartLater(consumer);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.eachBatch(consumer, payload),
    });
  }

  private async eachBatch(consumer: Consumer, { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { handler, log, metrics } = this.options;
    if (batch.isEmpty() || !isRunning() || isStale()) return;
    const timer = metrics.batchSeconds.startTimer();
    const outcome = await handler.handle({ topic: batch.topic, partition: batch.partition, messages: batch.messages });
    const last = batch.lastOffset();
    resolveOffset(last);
    await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() }]);
    await heartbeat();
    timer();

    metrics.lag.set({ partition: String(batch.partition) }, Number(batch.offsetLag()));
    if (outcome.watermark.position !== null) metrics.watermark.set(Number(outcome.watermark.position));
    metrics.watermarkEvents.set(outcome.watermark.events);
    this.batches += 1;
    log.info('batch applied', {
      partition: batch.partition,
      offsets: `${batch.firstOffset()}..${last}`,
      applied: outcome.applied,
      duplicates: outcome.duplicates,
      deadLettered: outcome.deadLettered,
      appliedUpTo: outcome.watermark.position,
      lag: Number(batch.offsetLag()),
    });
  }

  private restartLater(crashed: Consumer): void {
    if (this.stopped || this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void (async () => {
        await crashed.disconnect().catch(() => undefined);
        if (this.stopped) return;
        this.options.log.info('starting a new consumer');
        await this.start().catch((error: unknown) => {
          this.options.log.error('consumer start failed', { error: describeError(error) });
          this.restartLater(this.consumer ?? crashed);
        });
      })();
    }, 2_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.joined = false;
    await this.consumer?.disconnect();
  }
}
