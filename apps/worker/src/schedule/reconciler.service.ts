import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { EscalationQueue } from './escalation-queue.js';
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
export class ReconcilerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconcilerService.name);
  private timer?: NodeJS.Timeout;
  private lossTimer?: NodeJS.Timeout;
  private checking = false;
  private running?: Promise<unknown>;

  constructor(
    private readonly queue: EscalationQueue,
    private readonly schedule: ScheduleRepository,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly metrics: WorkerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.trigger();
    this.timer = setInterval(() => this.trigger(), this.config.reconcileIntervalSeconds * 1000);
    this.lossTimer = setInterval(() => this.checkForLoss(), this.config.lossCheckMs);
  }

  /**
   * A flush or a restart without persistence empties Redis without a word: the sentinel key planted before
   * each reconcile is then gone, and the schedule is rebuilt now rather than at the next periodic pass.
   */
  private checkForLoss(): void {
    if (this.checking || this.running) return;
    this.checking = true;
    this.queue
      .sentinelPresent()
      .then((present) => {
        if (present) return;
        this.logger.warn('Redis lost the schedule (flushed or restarted empty): reconciling now');
        this.metrics.redisLosses.inc();
        this.trigger();
      })
      // Redis away: the next check, or the reconnect, will tell.
      .catch(() => undefined)
      .finally(() => (this.checking = false));
  }

  /** Before the queue closes: the pass in progress finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.lossTimer);
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
    // Planted first: a loss during the pass removes it again, and the next check reconciles once more.
    await this.queue.plantSentinel();
    let after = '0';
    let actions = 0;
    // Reading the next page overlaps with Redis taking the previous ones: a few batches in flight.
    const inflight = new Set<Promise<void>>();
    let failure: Error | undefined;
    for (;;) {
      const page = await this.schedule.pendingAfter(after, PAGE);
      if (!page.length) break;
      const batch: Promise<void> = this.addMissing(page)
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

  /** Adds the jobs Redis lacks: those are the repairs. */
  private async addMissing(page: PendingAction[]): Promise<void> {
    const existing = await this.queue.existing(page.map((a) => a.job_id));
    const missing = page.filter((a) => !existing.has(a.job_id));
    if (!missing.length) return;
    await this.queue.add(missing);
    this.metrics.reconcilerRepairs.inc(missing.length);
  }
}
