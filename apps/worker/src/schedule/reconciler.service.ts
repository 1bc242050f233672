import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { EscalationQueue } from './escalation-queue.js';
import { ScheduleRepository, type ReconcileAction } from './schedule.repository.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';

/** Rows read from PostgreSQL at a time (keyset by id). */
const PAGE = 2000;
/**
 * Jobs per addBulk. BullMQ builds a Job, its msgpack and its command for each and keeps them until the
 * pipeline's replies are in: a few hundred at a time die young (cheap garbage), thousands outlive the
 * young generation's collections and cost Node more than Redis spends adding them.
 */
const CHUNK = 500;
/** Chunks in flight: Redis runs one while Node encodes the next and PostgreSQL reads the next page. */
const IN_FLIGHT = 4;

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
    // Without the sentinel Redis lost everything it held (or never held anything): the only jobs it can
    // hold again are those the relay handed over since, so only the actions it had not handed over yet are
    // asked about, and the rest are added without the question. (Adding an id Redis holds changes nothing.)
    const lost = !(await this.queue.sentinelPresent());
    // Planted first: a loss during the pass removes it again, and the next check reconciles once more.
    await this.queue.plantSentinel();
    let after = '0';
    let actions = 0;
    const inflight = new Set<Promise<void>>();
    let failure: Error | undefined;
    for (;;) {
      const page = await this.schedule.pendingAfter(after, PAGE);
      if (!page.length) break;
      actions += page.length;
      after = page[page.length - 1].id;
      for (let i = 0; i < page.length && !failure; i += CHUNK) {
        const chunk = page.slice(i, i + CHUNK);
        const batch: Promise<void> = this.restore(chunk, lost)
          .catch((e: unknown) => void (failure ??= e instanceof Error ? e : new Error(String(e))))
          .finally(() => inflight.delete(batch));
        inflight.add(batch);
        if (inflight.size >= IN_FLIGHT) await Promise.race(inflight);
      }
      if (failure || page.length < PAGE) break;
    }
    await Promise.all(inflight);
    if (failure) throw failure;
    return { actions, ms: Date.now() - started };
  }

  /**
   * Adds the jobs Redis lacks (those are the repairs), then marks the actions the relay had not handed
   * over yet as dispatched: their jobs exist now.
   */
  private async restore(chunk: ReconcileAction[], lost: boolean): Promise<void> {
    const ask = lost ? chunk.filter((a) => a.undispatched) : chunk;
    const existing = ask.length ? await this.queue.existing(ask.map((a) => a.job_id)) : new Set<string>();
    const missing = existing.size ? chunk.filter((a) => !existing.has(a.job_id)) : chunk;
    if (missing.length) {
      await this.queue.add(missing);
      this.metrics.reconcilerRepairs.inc(missing.length);
    }
    const undispatched = chunk.filter((a) => a.undispatched).map((a) => a.id);
    if (undispatched.length) await this.schedule.markDispatched(undispatched);
  }
}
