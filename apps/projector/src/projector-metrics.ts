import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What an operator watches: how far behind the projector is, where the watermark is, what was set aside. */
export class ProjectorMetrics {
  readonly registry = new Registry();
  readonly applied = new Counter({ name: 'cafeia_projector_events_applied_total', help: 'events applied to the read models', registers: [this.registry] });
  readonly duplicates = new Counter({
    name: 'cafeia_projector_events_duplicate_total',
    help: 'events received again (redelivery, relay replay) and skipped',
    registers: [this.registry],
  });
  readonly deadLetters = new Counter({
    name: 'cafeia_projector_dead_letters_total',
    help: 'messages that were not valid event envelopes, set aside on the dead-letter topic',
    registers: [this.registry],
  });
  readonly lag = new Gauge({
    name: 'cafeia_projector_partition_lag_messages',
    help: 'messages on the partition after the last one processed (high watermark − next offset)',
    labelNames: ['partition'],
    registers: [this.registry],
  });
  readonly watermark = new Gauge({
    name: 'cafeia_projector_applied_position',
    help: 'the store position up to which every event is applied (the read models\u2019 asOf.position)',
    registers: [this.registry],
  });
  readonly watermarkEvents = new Gauge({ name: 'cafeia_projector_applied_events', help: 'events at or before the applied position', registers: [this.registry] });
  readonly pendingLinks = new Gauge({
    name: 'cafeia_projector_pending_events',
    help: 'events applied past a gap in the log (waiting for an earlier event from another partition)',
    registers: [this.registry],
  });
  readonly batchSeconds = new Histogram({
    name: 'cafeia_projector_batch_duration_seconds',
    help: 'time to apply one Kafka batch and commit it',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'cafeia_projector_' });
  }
}
