import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../clock.js';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { toJob } from './relay.service.js';
import { ESCALATION_QUEUE, type EscalationJobData } from './schedule.constants.js';
import { ScheduleRepository, type PendingAction } from './schedule.repository.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';

const PAGE = 2000;
const IN_FLIGHT = 3;

/**
 * Rebuilds Redis' schedule from PostgreSQL: every pending action gets its job again (an existing job
 * with the same id is left alone), and actions whose time passed while nothing ran fire at once, late.
 * After FLUSHALL or a Redis restart without persistence, nothing is lost.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcilerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectQueue(ESCALATION_QUEUE) private readonly queue: Queue<EscalationJobData>,
    private readonly schedule: ScheduleRepository,
    private readonly clock: Clock,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly metrics: WorkerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.trigger();
    this.timer = setInterval(() => this.trigger(), this.config.reconcileIntervalSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private trigger(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .then((r) => {
        if (r.actions) this.logger.log(`reconciled ${r.actions} pending actions in ${r.ms} ms`);
      })
      .catch((e: Error) => this.logger.warn(`reconcile failed (will retry): ${e.message}`))
      .finally(() => (this.running = undefined));
  }

  async reconcile(): Promise<{ actions: number; ms: number }> {
    const started = Date.now();
    let after = '0';
    let actions = 0;
    // Reading the next page overlaps with Redis taking the previous ones: a few batches in flight.
    const inflight = new Set<Promise<void>>();
    let failure: Error | undefined;
    for (;;) {
      const page = await this.schedule.pendingAfter(after, PAGE);
      if (!page.length) break;
      const now = this.clock.now();
      const batch: Promise<void> = this.addMissing(page, now)
        .then(() => this.schedule.markDispatched(page.map((a) => a.id)))
        .catch((e: unknown) => void (failure ??= e instanceof Error ? e : new Error(String(e))))
        .finally(() => inflight.delete(batch));
      inflight.add(batch);
      actions += page.length;
      after = page[page.length - 1].id;
      if (inflight.size >= IN_FLIGHT) await Promise.race(inflight);
      if (failure || page.length < PAGE) break;
    }
    await Promise.all(inflight);
    if (failure) throw failure;
    return { actions, ms: Date.now() - started };
  }

  /** Adds the jobs Redis lacks (one pipelined EXISTS per page): those are the repairs. */
  private async addMissing(page: PendingAction[], now: number): Promise<void> {
    const client = await this.queue.getBackend().client;
    const pipeline = client.pipeline();
    for (const a of page) pipeline.runCommand('exists', [this.queue.toKey(a.job_id)]);
    const found = (await pipeline.exec()) ?? [];
    const missing = page.filter((_a, i) => found[i]?.[1] !== 1);
    if (!missing.length) return;
    await this.queue.addBulk(missing.map((a) => toJob(a, now, this.clock.toReal(now))));
    this.metrics.reconcilerRepairs.inc(missing.length);
  }
}
