import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { EscalationQueue } from './escalation-queue.js';

/** How often the delayed set is read for jobs other processes added (this one's are told at once). */
const LOOK_EVERY_MS = 1000;
/** A timer longer than this is cut short and set again (setTimeout's range ends at 24.8 days). */
const LONGEST_TIMER_MS = 60_000;

/**
 * Wakes the escalation workers at each delayed job's due time. A BullMQ worker waiting for a delayed job
 * blocks on its queue's marker (BZPOPMIN) with a timeout ending at the job's time, and Redis ends a
 * blocked command's wait only when its event loop comes round: every 1/hz s, so up to 100 ms late at
 * Redis' default hz 10 and 10 ms at the hz 100 docker/compose.yml sets. Here a timer in the worker, set to
 * the first delayed job's due time, adds the marker BullMQ adds when a job is ready: the blocked worker
 * returns at once and its own moveToActive promotes what is due by its clock. Nothing is promoted early (a
 * wake-up with nothing due costs one round trip and the worker blocks again), and BullMQ's own timeout
 * stays in place should this timer be late or Redis away.
 */
@Injectable()
export class DueWaker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  /** The real due time (ms) the timer is set for. */
  private dueAt?: number;
  private poller?: NodeJS.Timeout;
  private looking = false;
  private lookAgain = false;
  private stopped = false;

  constructor(
    private readonly queue: EscalationQueue,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.wakeAtDue) return;
    this.queue.onDelayedAdded = (due) => this.wakeAt(due);
    this.poller = setInterval(() => this.look(), LOOK_EVERY_MS);
    this.poller.unref();
    this.look();
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
    this.queue.onDelayedAdded = undefined;
    clearInterval(this.poller);
    clearTimeout(this.timer);
  }

  /** Sets the timer for `dueRealMs` unless an earlier wake-up is set already. */
  wakeAt(dueRealMs: number): void {
    if (this.stopped) return;
    if (this.dueAt !== undefined && this.dueAt <= dueRealMs) return;
    clearTimeout(this.timer);
    this.dueAt = dueRealMs;
    this.schedule();
  }

  private schedule(): void {
    const wait = Math.min(Math.max(0, (this.dueAt ?? 0) - Date.now()), LONGEST_TIMER_MS);
    this.timer = setTimeout(() => this.ring(), wait);
    this.timer.unref();
  }

  private ring(): void {
    if (this.stopped || this.dueAt === undefined) return;
    // Node's timers count on a monotonic clock from the loop's cached time and may come a little before
    // Date.now() reaches the due time: wait out the rest.
    if (Date.now() < this.dueAt) return this.schedule();
    this.dueAt = undefined;
    this.queue
      .wakeWorkers()
      .catch(() => undefined) // Redis away: BullMQ's own timeout, or the reconcile after, takes over
      .finally(() => this.look());
  }

  /** Reads the first delayed job due after now and sets the timer for it. */
  private look(): void {
    if (this.stopped) return;
    if (this.looking) {
      this.lookAgain = true;
      return;
    }
    this.looking = true;
    this.queue
      .nextDueAfter(Date.now())
      .then((due) => {
        if (due !== undefined) this.wakeAt(due);
      })
      .catch(() => undefined)
      .finally(() => {
        this.looking = false;
        if (this.lookAgain) {
          this.lookAgain = false;
          this.look();
        }
      });
  }
}
