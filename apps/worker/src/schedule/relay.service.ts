import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Clock } from '../clock.js';
import { WORKER_CONFIG, redisOptions, type WorkerConfig } from '../config/worker-config.js';
import { NotificationSignal } from '../mail/notification-signal.service.js';
import { ESCALATION_QUEUE, EVENTS_CHANNEL, SCHEDULE_CHANNEL, type EscalationJobData } from './schedule.constants.js';
import { ScheduleRepository, type PendingAction } from './schedule.repository.js';

const BATCH = 1000;

/**
 * The job for an action. `timestamp` is pinned to the instant the delay was computed from: BullMQ would
 * otherwise stamp each job of a large addBulk when it gets to it, and every job would fire that much late.
 */
export function toJob(a: PendingAction, now: number, realNow: number) {
  return {
    name: a.rung,
    data: { actionId: String(a.id), ...(a.request_id ? { requestId: a.request_id } : {}) } satisfies EscalationJobData,
    opts: { jobId: a.job_id, delay: Math.max(0, a.due_at.getTime() - now), timestamp: realNow },
  };
}

/**
 * Moves what PostgreSQL says must happen into Redis: new actions become delayed jobs, cancelled ones
 * are removed, task-change events are published. Runs on a timer and when the API nudges it; every
 * step is idempotent, so several workers may run it at once.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RelayService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private subscriber?: Redis;
  private publisher?: Redis;

  constructor(
    @InjectQueue(ESCALATION_QUEUE) private readonly queue: Queue<EscalationJobData>,
    private readonly schedule: ScheduleRepository,
    private readonly clock: Clock,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly signal: NotificationSignal,
  ) {}

  onApplicationBootstrap(): void {
    const options = { ...redisOptions(this.config.redisUrl), maxRetriesPerRequest: null, lazyConnect: false };
    this.publisher = new Redis(options);
    this.subscriber = new Redis(options);
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.subscribe(SCHEDULE_CHANNEL).catch(() => undefined);
    this.subscriber.on('message', () => this.kick());
    this.timer = setInterval(() => this.kick(), this.config.relayIntervalMs);
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  /** Run a pass now, or right after the one in progress. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relayOnce()
      .then(() => undefined)
      .catch((e: Error) => this.logger.warn(`relay pass failed (will retry): ${e.message}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async relayOnce(): Promise<{ dispatched: number; removed: number; events: number }> {
    let dispatched = 0;
    for (;;) {
      const batch = await this.schedule.undispatched(BATCH);
      if (!batch.length) break;
      const now = this.clock.now();
      await this.queue.addBulk(batch.map((a) => toJob(a, now, this.clock.toReal(now))));
      await this.schedule.markDispatched(batch.map((a) => a.id));
      dispatched += batch.length;
      if (batch.length < BATCH) break;
    }
    let removed = 0;
    for (;;) {
      const batch = await this.schedule.obsolete(BATCH);
      if (!batch.length) break;
      // A job that is running right now cannot be removed; it will find its action cancelled and do nothing.
      await Promise.all(batch.map((a) => this.queue.remove(a.job_id).catch(() => 0)));
      await this.schedule.markRemoved(batch.map((a) => a.id));
      removed += batch.length;
      if (batch.length < BATCH) break;
    }
    let events = 0;
    const pending = await this.schedule.undispatchedEvents(BATCH);
    if (pending.length && this.publisher) {
      for (const e of pending) {
        await this.publisher.publish(
          EVENTS_CHANNEL,
          JSON.stringify({ type: 'task.changed', taskId: e.task_id, kind: e.kind, requestId: e.request_id }),
        );
      }
      // The notifications those transitions wrote, for their recipients' browsers and mail.
      await this.signal.publishForOutbox(pending.filter((e) => e.kind === 'notify').map((e) => e.id));
      await this.schedule.markEventsDispatched(pending.map((e) => e.id));
      events = pending.length;
    }
    return { dispatched, removed, events };
  }
}
