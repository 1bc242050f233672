import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The worker's Prometheus metrics, served on its health port at /metrics. */
export class WorkerMetrics {
  readonly registry = new Registry();

  readonly actions = new Counter({
    name: 'dondoc_actions_total',
    help: 'Escalation actions handled, by rung and outcome (fired, skipped, ignored, failed)',
    labelNames: ['rung', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly lateness = new Histogram({
    name: 'dondoc_action_lateness_seconds',
    help: 'Processed time minus due time of each fired action',
    labelNames: ['rung'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 60, 300, 3600],
    registers: [this.registry],
  });

  readonly reconcilerRepairs = new Counter({
    name: 'dondoc_reconciler_repairs_total',
    help: 'Pending actions whose job was missing from Redis and was put back by the reconciler',
    registers: [this.registry],
  });

  readonly redisLosses = new Counter({
    name: 'dondoc_redis_losses_total',
    help: 'Times Redis was found to have lost the schedule (flushed or restarted empty) and was reconciled at once',
    registers: [this.registry],
  });

  readonly queueErrors = new Counter({
    name: 'dondoc_queue_errors_total',
    help: 'Errors BullMQ reported (Redis unreachable, job keys gone after a flush), by source (worker, queue)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'dondoc_queue_jobs',
    help: 'Jobs in the escalation queue by state',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dondoc_worker_' });
  }
}
