import { InjectQueue } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueErrorLog } from '../schedule/queue-error-log.js';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { RECURRENCE_QUEUE, RECURRENCE_SCHEDULER_ID } from './recurrence.constants.js';

/**
 * The worker's one handle on the recurrence queue: it keeps the repeatable tick (a job scheduler with a
 * fixed id, so several workers upsert one, and a flushed Redis gets it back at the next start or upsert).
 * The tick carries no data: the service reads the series from PostgreSQL.
 */
@Injectable()
export class RecurrenceQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(RECURRENCE_QUEUE) private readonly queue: Queue,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly errors: QueueErrorLog,
  ) {
    queue.on('error', (e: Error) => errors.report('queue', e));
  }

  onApplicationBootstrap(): void {
    // Not awaited: Redis being away must not hold the worker's start (bullmq #995). Upserted again every
    // minute, so a Redis that lost its data (FLUSHALL, a restart) gets its tick back without a worker restart.
    const upsert = () => void this.schedule().catch((e: Error) => this.errors.report('queue', e));
    upsert();
    this.timer = setInterval(upsert, Math.max(60_000, this.config.recurrenceIntervalMs));
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The tick every `RECURRENCE_INTERVAL_MS`, the first one at once. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RECURRENCE_SCHEDULER_ID,
      { every: this.config.recurrenceIntervalMs },
      { name: 'tick', data: {}, opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
    );
  }
}
