import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process: requests, latencies, events appended, projection lag. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'cafeia_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'cafeia_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'cafeia_events_appended_total',
    help: 'Events appended to the event store by this process, by type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly concurrencyRetries = new Counter({
    name: 'cafeia_command_concurrency_retries_total',
    help: 'Commands retried after a concurrent append on the same stream',
    registers: [this.registry],
  });
  readonly projectionPosition = new Gauge({
    name: 'cafeia_projection_position',
    help: 'Last global position applied to the read models',
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({
    name: 'cafeia_projection_lag_events',
    help: 'Events in the store not yet applied to the read models (position difference)',
    registers: [this.registry],
  });

  readonly projectorUp = new Gauge({
    name: 'cafeia_projector_up',
    help: '1 while the in-process projector applies events (live or catching up), 0 while it retries after a failure',
    registers: [this.registry],
  });
  readonly projectorFailures = new Counter({
    name: 'cafeia_projector_failures_total',
    help: 'Batches the in-process projector failed to apply (each retried after a back-off)',
    registers: [this.registry],
  });

  private readonly beforeScrape: (() => Promise<void>)[] = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'cafeia_' });
  }

  /** refreshes gauges that are read from elsewhere (projection position and lag) just before a scrape */
  onScrape(refresh: () => Promise<void>): void {
    this.beforeScrape.push(refresh);
  }

  async render(): Promise<string> {
    await Promise.all(this.beforeScrape.map((refresh) => refresh().catch(() => undefined)));
    return this.registry.metrics();
  }
}
