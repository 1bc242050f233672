import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { busMessagesForOutboxRow, redisOptions, type BusMessage } from '@dondoc/contracts';
import { Redis } from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { MailService } from '../mail/mail.service.js';
import { BusPublisher } from '../redis/bus-publisher.service.js';
import { EscalationQueue } from './escalation-queue.js';
import { ScheduleRepository, type OutboxEvent } from './schedule.repository.js';

const BATCH = 1000;

/**
 * What a pass covers: `all` (the timer, a commit's nudge) the schedule and the outbox; `events` only the
 * outbox, for a change that scheduled and cancelled nothing (a fired action, an incident), which then
 * costs one read instead of three.
 */
export type RelayScope = 'all' | 'events';

/**
 * Moves what PostgreSQL says must happen into Redis: new actions become delayed jobs, cancelled ones
 * are removed, and each outbox row is published as the payload contract says (`busMessagesForOutboxRow`:
 * its `task.changed`, and a `notification` to the recipients it names). Runs on a timer and when a commit
 * nudges it on this deployment's schedule channel; every step is idempotent, so several workers may run
 * it at once.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RelayService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  /** Asked for while a pass ran: the scope of the pass to run next. */
  private again?: RelayScope;
  private stopped = false;
  private subscriber?: Redis;

  constructor(
    private readonly queue: EscalationQueue,
    private readonly schedule: ScheduleRepository,
    private readonly bus: BusPublisher,
    private readonly mail: MailService,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A subscribed connection can issue no other command: the nudges get one of their own.
    const subscriber = new Redis({ ...redisOptions(this.config.redisUrl), maxRetriesPerRequest: null });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined);
    subscriber.subscribe(this.bus.channels.schedule).catch(() => undefined);
    subscriber.on('message', (channel: string) => {
      if (channel === this.bus.channels.schedule) this.kick();
    });
    this.timer = setInterval(() => this.kick(), this.config.relayIntervalMs);
    this.kick();
  }

  /** Before the publisher's connection and the queue close: the pass in progress finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.subscriber?.disconnect();
    await this.running?.catch(() => undefined);
  }

  /** Run a pass now, or right after the one in progress (kicks meanwhile make one pass, the widest asked). */
  kick(scope: RelayScope = 'all'): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = this.again === 'all' || scope === 'all' ? 'all' : 'events';
      return;
    }
    const pass = scope === 'all' ? this.relayOnce() : this.publishEvents();
    this.running = pass
      .then(() => undefined)
      .catch((e: Error) => this.logger.warn(`relay pass failed (will retry): ${e.message}`))
      .finally(() => {
        this.running = undefined;
        const next = this.again;
        this.again = undefined;
        if (next) this.kick(next);
      });
  }

  async relayOnce(): Promise<{ dispatched: number; removed: number; events: number }> {
    const dispatched = await this.dispatch();
    const removed = await this.removeObsolete();
    const events = await this.publishEvents();
    return { dispatched, removed, events };
  }

  /** New actions become delayed jobs. */
  private async dispatch(): Promise<number> {
    let dispatched = 0;
    for (;;) {
      const batch = await this.schedule.undispatched(BATCH);
      if (!batch.length) break;
      await this.queue.add(batch);
      await this.schedule.markDispatched(batch.map((a) => a.id));
      dispatched += batch.length;
      if (batch.length < BATCH) break;
    }
    return dispatched;
  }

  /** Jobs of actions cancelled after they were handed over are removed. */
  private async removeObsolete(): Promise<number> {
    let removed = 0;
    for (;;) {
      const batch = await this.schedule.obsolete(BATCH);
      if (!batch.length) break;
      await this.queue.remove(batch.map((a) => a.job_id));
      await this.schedule.markRemoved(batch.map((a) => a.id));
      removed += batch.length;
      if (batch.length < BATCH) break;
    }
    return removed;
  }

  /** Each outbox row is published as the payload contract says. */
  private async publishEvents(): Promise<number> {
    let events = 0;
    for (;;) {
      const batch = await this.schedule.undispatchedEvents(BATCH);
      if (!batch.length) break;
      await this.publishOutbox(batch);
      await this.schedule.markEventsDispatched(batch.map((e) => e.id));
      events += batch.length;
      if (batch.length < BATCH) break;
    }
    return events;
  }

  /** The rows' messages, in row order; the mail loop is kicked when they notified anyone. */
  private async publishOutbox(rows: OutboxEvent[]): Promise<void> {
    const messages: BusMessage[] = [];
    for (const row of rows) {
      const out = busMessagesForOutboxRow(row);
      if (out.payload === 'invalid') {
        this.logger.warn(
          `outbox row ${row.id} (${row.kind}): payload breaks the contract, published as task.changed only`,
        );
      }
      messages.push(...out.messages);
    }
    // The notifications are committed: mail them even if Redis refuses the live push.
    if (messages.some((m) => m.type === 'notification')) this.mail.kick();
    await this.bus.publish(messages);
  }
}
