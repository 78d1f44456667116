import { comparePositions, type StoredEvent } from '@cafeia/event-store';
import { decode, publishDeadLetter, type IncomingMessage, type MessagePublisher } from '@cafeia/messaging';
import type { JsonLog } from '@cafeia/observability';
import type { ProjectorMetrics } from './projector-metrics';
import type { Target } from './read-model-target';
import type { LogLink, Watermark } from './watermark/log-links';

export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: (IncomingMessage & { offset: string })[];
}

export interface BatchOutcome {
  applied: number;
  duplicates: number;
  deadLettered: number;
  watermark: Watermark;
}

/** the engine's checkpoint name for one Kafka partition */
export const partitionCheckpoint = (topic: string, partition: number): string => `kafka:${topic}:${partition}`;

/**
 * One Kafka batch (one partition) → the read models:
 *  1. decode every message; a message that is not a valid event envelope is logged with its offset,
 *     parked on `<topic>.dlq` and skipped: it must neither block the partition nor move a figure;
 *  2. apply the valid events with the engine, in ONE transaction with this partition's checkpoint; the
 *     engine skips events at or before that checkpoint, and events at or before the watermark are
 *     dropped first: a redelivered or replayed event is never counted twice;
 *  3. record the events' links in the log and move the "applied up to" watermark.
 * The caller commits the offsets only after this resolves; a crash anywhere redelivers the batch.
 */
export class BatchHandler {
  constructor(
    private readonly deps: {
      target: () => Promise<Target>;
      deadLetters: MessagePublisher;
      log: JsonLog;
      metrics: ProjectorMetrics;
    },
  ) {}

  async handle(batch: ConsumedBatch): Promise<BatchOutcome> {
    const { log, metrics } = this.deps;
    const events: StoredEvent[] = [];
    const links: LogLink[] = [];
    let deadLettered = 0;
    for (const message of batch.messages) {
      const decoded = decode(message);
      if (!decoded.ok) {
        log.warn('not a valid event envelope: set aside on the dead-letter topic', {
          topic: batch.topic,
          partition: batch.partition,
          offset: message.offset,
          reason: decoded.reason,
        });
        await publishDeadLetter(this.deps.deadLetters, { topic: batch.topic, partition: batch.partition, offset: message.offset, message }, decoded.reason);
        metrics.deadLetters.inc();
        deadLettered += 1;
        continue;
      }
      events.push(decoded.event);
      links.push({ position: decoded.event.position, previous: decoded.previousPosition, recordedAt: decoded.event.metadata.recordedAt });
    }

    const target = await this.deps.target();
    const before = await target.watermark.read();
    const fresh = before.position === null ? events : events.filter((e) => comparePositions(e.position, before.position!) > 0);
    const result = await target.engine.apply(fresh, partitionCheckpoint(batch.topic, batch.partition));
    const watermark = await target.watermark.record(links);

    const duplicates = events.length - result.applied;
    metrics.applied.inc(result.applied);
    metrics.duplicates.inc(duplicates);
    return { applied: result.applied, duplicates, deadLettered, watermark };
  }
}
