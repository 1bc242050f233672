import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { WorkerMetrics } from '../metrics/worker-metrics.js';

export type QueueErrorSource = 'worker' | 'queue';

/** An outage ends after this long without an error; the next error then warns again. */
const QUIET_MS = 30_000;

/**
 * BullMQ's `error` events (the worker's and the queue's). Without a listener BullMQ prints each one to
 * stderr: a FLUSHALL under load gives thousands of "Missing key for job ..." lines. Here every error is
 * counted (`dondoc_queue_errors_total`), the first of an outage is one warning, and when errors have
 * stopped for a while one line says how many there were.
 */
@Injectable()
export class QueueErrorLog implements OnApplicationShutdown {
  private readonly logger = new Logger('BullMQ');
  private outage?: { since: number; last: number; errors: number; sources: Set<QueueErrorSource> };
  private quiet?: NodeJS.Timeout;
  /** How long without errors ends an outage (tests shorten it). */
  quietMs = QUIET_MS;

  constructor(private readonly metrics: WorkerMetrics) {}

  report(source: QueueErrorSource, error: unknown): void {
    this.metrics.queueErrors.inc({ source });
    const message = error instanceof Error ? error.message : String(error);
    if (this.outage) {
      this.outage.errors++;
      this.outage.last = Date.now();
      this.outage.sources.add(source);
    } else {
      this.outage = { since: Date.now(), last: Date.now(), errors: 1, sources: new Set([source]) };
      this.logger.warn(
        `BullMQ ${source} error: ${message}. Further errors are only counted (dondoc_queue_errors_total) ` +
          `until none comes for ${Math.round(this.quietMs / 1000)} s; the reconciler restores lost jobs from PostgreSQL`,
      );
    }
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.end(), this.quietMs);
    this.quiet.unref();
  }

  /** Whether errors are coming in now. */
  get inOutage(): boolean {
    return this.outage !== undefined;
  }

  onApplicationShutdown(): void {
    clearTimeout(this.quiet);
    this.end();
  }

  private end(): void {
    const o = this.outage;
    if (!o) return;
    this.outage = undefined;
    const seconds = Math.round((o.last - o.since) / 1000);
    this.logger.log(
      `BullMQ errors stopped: ${o.errors} from the ${[...o.sources].join(' and ')} over ${seconds} s (counted in dondoc_queue_errors_total)`,
    );
  }
}
